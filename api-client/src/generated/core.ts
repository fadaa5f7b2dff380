// Generated from the core API's /v1/openapi.json by openapi-typescript: do not edit.
// Regenerate with `npm run api-client:generate`; a test fails when this file drifts from the core.
export interface paths {
    "/v1/admin/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agents with their float positions, newest first */
        get: {
            parameters: {
                query?: {
                    belowThreshold?: "true" | "false";
                    cursor?: string;
                    limit?: number;
                    q?: string;
                    status?: "active" | "suspended";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of agents */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                bankAccount: string | null;
                                belowThreshold: boolean;
                                businessName: string;
                                code: string;
                                commissionTariff: string;
                                createdAt: string;
                                floatBalance: number;
                                floatThreshold: number;
                                /** Format: uuid */
                                id: string;
                                location: string | null;
                                phone: string;
                                /** @enum {string} */
                                status: "active" | "suspended";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Onboard an agent: business, location, bank account, float threshold, commission tariff */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bankAccount: string;
                        businessName: string;
                        commissionTariff: string;
                        floatThreshold: number;
                        location: string;
                        phone: string;
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description Onboarded */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bankAccount: string | null;
                            belowThreshold: boolean;
                            businessName: string;
                            code: string;
                            commissionTariff: string;
                            createdAt: string;
                            floatBalance: number;
                            floatThreshold: number;
                            /** Format: uuid */
                            id: string;
                            location: string | null;
                            phone: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/agents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agent */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The agent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bankAccount: string | null;
                            belowThreshold: boolean;
                            businessName: string;
                            code: string;
                            commissionTariff: string;
                            createdAt: string;
                            floatBalance: number;
                            floatThreshold: number;
                            /** Format: uuid */
                            id: string;
                            location: string | null;
                            phone: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an agent's business name, location, bank account, float threshold or commission tariff */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bankAccount?: string;
                        businessName?: string;
                        commissionTariff?: string;
                        floatThreshold?: number;
                        location?: string;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bankAccount: string | null;
                            belowThreshold: boolean;
                            businessName: string;
                            code: string;
                            commissionTariff: string;
                            createdAt: string;
                            floatBalance: number;
                            floatThreshold: number;
                            /** Format: uuid */
                            id: string;
                            location: string | null;
                            phone: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/agents/{id}/commission-statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's commissions earned and paid out, newest first, with what is due */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the statement */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            due: number;
                            items: {
                                amount: number | null;
                                commission: number;
                                createdAt: string;
                                id: string;
                                transactionId: string | null;
                                type: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/agents/{id}/float-statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agent's float, line by line, newest first, with the balance after each line */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the statement */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                amount: number;
                                balanceAfter: number;
                                createdAt: string;
                                entryId: string;
                                transactionId: string | null;
                                type: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/agents/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a suspended agent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Active */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bankAccount: string | null;
                            belowThreshold: boolean;
                            businessName: string;
                            code: string;
                            commissionTariff: string;
                            createdAt: string;
                            floatBalance: number;
                            floatThreshold: number;
                            /** Format: uuid */
                            id: string;
                            location: string | null;
                            phone: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/agents/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an agent (its sessions end) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Suspended */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bankAccount: string | null;
                            belowThreshold: boolean;
                            businessName: string;
                            code: string;
                            commissionTariff: string;
                            createdAt: string;
                            floatBalance: number;
                            floatThreshold: number;
                            /** Format: uuid */
                            id: string;
                            location: string | null;
                            phone: string;
                            /** @enum {string} */
                            status: "active" | "suspended";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/approval-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Four-eyes requests (reversals, tariff and limit changes), newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    kind?: "reversal" | "tariff_change" | "limit_change";
                    limit?: number;
                    status?: "pending" | "approved" | "rejected" | "failed";
                    target?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                decisionReason: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "reversal" | "tariff_change" | "limit_change";
                                payload: unknown;
                                reason: string;
                                /** Format: uuid */
                                requestedBy: string;
                                requestedByEmail: string | null;
                                result: unknown;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "failed";
                                targetId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/approval-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One four-eyes request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decisionReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "reversal" | "tariff_change" | "limit_change";
                            payload: unknown;
                            reason: string;
                            /** Format: uuid */
                            requestedBy: string;
                            requestedByEmail: string | null;
                            result: unknown;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected" | "failed";
                            targetId: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/approval-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a request of any kind (an admin other than the requester) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Approved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request: {
                                createdAt: string;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                decisionReason: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "reversal" | "tariff_change" | "limit_change";
                                payload: unknown;
                                reason: string;
                                /** Format: uuid */
                                requestedBy: string;
                                requestedByEmail: string | null;
                                result: unknown;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "failed";
                                targetId: string;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/approval-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a request of any kind (an admin other than the requester) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Rejected */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decisionReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "reversal" | "tariff_change" | "limit_change";
                            payload: unknown;
                            reason: string;
                            /** Format: uuid */
                            requestedBy: string;
                            requestedByEmail: string | null;
                            result: unknown;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected" | "failed";
                            targetId: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first: every staff action and every money movement */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    cursor?: string;
                    limit?: number;
                    target?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the log */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorName: string | null;
                                actorPartyId: string | null;
                                createdAt: string;
                                details: unknown;
                                hash: string | null;
                                id: number;
                                seq: number | null;
                                targetId: string | null;
                                targetType: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit-log/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the audit log's hash chain; names the first row that does not hold */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The outcome */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            firstBrokenId: number | null;
                            ok: boolean;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Billers with their account rules and fees */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Billers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                accountPattern: string;
                                active: boolean;
                                code: string;
                                fee: number;
                                /** Format: uuid */
                                id: string;
                                name: string;
                                settlementBankAccount: string | null;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a biller: its code, account rule, fee and settlement account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountPattern: string;
                        code: string;
                        fee: number;
                        name: string;
                        settlementBankAccount: string;
                    };
                };
            };
            responses: {
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountPattern: string;
                            active: boolean;
                            code: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            settlementBankAccount: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a biller's name, account rule, fee or settlement account, or suspend it (active: false) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountPattern?: string;
                        active?: boolean;
                        fee?: number;
                        name?: string;
                        settlementBankAccount?: string;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountPattern: string;
                            active: boolean;
                            code: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            settlementBankAccount: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/cards/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Block a card */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Blocked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            boundAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "nfc" | "magstripe";
                            last4: string;
                            /** @enum {string} */
                            status: "active" | "blocked";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/commission-tariffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agents' commission tariffs (each a share of the fee tariff's commission) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tariffs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                shareBps: number;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/commissions/payout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay every agent's accrued commission into its float now (a job also does it daily) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Paid */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agents: number;
                            total: number;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Today's figures and a period's (default the last 7 days), with agents' float positions */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agents: {
                                belowThreshold: number;
                                count: number;
                                positions: {
                                    belowThreshold: boolean;
                                    businessName: string;
                                    code: string;
                                    floatBalance: number;
                                    floatThreshold: number;
                                    /** Format: uuid */
                                    id: string;
                                }[];
                            };
                            period: {
                                activeUsers: number;
                                byType: {
                                    count: number;
                                    type: string;
                                    value: number;
                                }[];
                                currency: string;
                                failed: number;
                                feesEarned: number;
                                from: string;
                                pending: number;
                                registrations: number;
                                to: string;
                            };
                            timezone: string;
                            today: {
                                activeUsers: number;
                                byType: {
                                    count: number;
                                    type: string;
                                    value: number;
                                }[];
                                currency: string;
                                failed: number;
                                feesEarned: number;
                                from: string;
                                pending: number;
                                registrations: number;
                                to: string;
                            };
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fraud alerts, newest first (the review queue with status=open) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    party?: string;
                    rule?: "velocity" | "unusual_amount" | "structuring" | "new_device_large_transfer" | "wrong_pins" | "many_senders";
                    status?: "open" | "reviewing" | "dismissed" | "actioned";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of alerts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string | null;
                                conditions: {
                                    condition: string;
                                    threshold: unknown;
                                    value: unknown;
                                }[];
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                note: string | null;
                                /** Format: uuid */
                                partyId: string;
                                partyName: string | null;
                                reviewedBy: string | null;
                                rule: string;
                                score: number;
                                /** @enum {string} */
                                status: "open" | "reviewing" | "dismissed" | "actioned";
                                transactionIds: string[];
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One fraud alert */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The alert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string | null;
                            conditions: {
                                condition: string;
                                threshold: unknown;
                                value: unknown;
                            }[];
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            /** Format: uuid */
                            partyId: string;
                            partyName: string | null;
                            reviewedBy: string | null;
                            rule: string;
                            score: number;
                            /** @enum {string} */
                            status: "open" | "reviewing" | "dismissed" | "actioned";
                            transactionIds: string[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/alerts/{id}/act": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Act on an alert: lock the party's account, or hold its wallet's balance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "lock_account" | "hold_wallet";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Acted on */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string | null;
                            conditions: {
                                condition: string;
                                threshold: unknown;
                                value: unknown;
                            }[];
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            /** Format: uuid */
                            partyId: string;
                            partyName: string | null;
                            reviewedBy: string | null;
                            rule: string;
                            score: number;
                            /** @enum {string} */
                            status: "open" | "reviewing" | "dismissed" | "actioned";
                            transactionIds: string[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/alerts/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss an alert (a false alarm), with the reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Dismissed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string | null;
                            conditions: {
                                condition: string;
                                threshold: unknown;
                                value: unknown;
                            }[];
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            /** Format: uuid */
                            partyId: string;
                            partyName: string | null;
                            reviewedBy: string | null;
                            rule: string;
                            score: number;
                            /** @enum {string} */
                            status: "open" | "reviewing" | "dismissed" | "actioned";
                            transactionIds: string[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/alerts/{id}/release-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give back the money an alert held in the wallet */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Released */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string | null;
                            conditions: {
                                condition: string;
                                threshold: unknown;
                                value: unknown;
                            }[];
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            /** Format: uuid */
                            partyId: string;
                            partyName: string | null;
                            reviewedBy: string | null;
                            rule: string;
                            score: number;
                            /** @enum {string} */
                            status: "open" | "reviewing" | "dismissed" | "actioned";
                            transactionIds: string[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/alerts/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take an alert into review, with a note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description In review */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string | null;
                            conditions: {
                                condition: string;
                                threshold: unknown;
                                value: unknown;
                            }[];
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            /** Format: uuid */
                            partyId: string;
                            partyName: string | null;
                            reviewedBy: string | null;
                            rule: string;
                            score: number;
                            /** @enum {string} */
                            status: "open" | "reviewing" | "dismissed" | "actioned";
                            transactionIds: string[];
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fraud rules with their thresholds and scores */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The rules */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                description: string;
                                enabled: boolean;
                                params: {
                                    [key: string]: number;
                                };
                                /** @enum {string} */
                                rule: "velocity" | "unusual_amount" | "structuring" | "new_device_large_transfer" | "wrong_pins" | "many_senders";
                                score: number;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/rules/{rule}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a rule's thresholds, score, or switch it on or off */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rule: "velocity" | "unusual_amount" | "structuring" | "new_device_large_transfer" | "wrong_pins" | "many_senders";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        params: {
                            [key: string]: number;
                        };
                        score: number;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            description: string;
                            enabled: boolean;
                            params: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            rule: "velocity" | "unusual_amount" | "structuring" | "new_device_large_transfer" | "wrong_pins" | "many_senders";
                            score: number;
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/fraud/rules/{rule}/backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a rule with these thresholds would have raised over the last 30 days (nothing is written) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    rule: "velocity" | "unusual_amount" | "structuring" | "new_device_large_transfer" | "wrong_pins" | "many_senders";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        params: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description The back-test */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: number;
                            from: string;
                            parties: number;
                            rule: string;
                            sample: {
                                conditions: {
                                    condition: string;
                                    threshold: unknown;
                                    value: unknown;
                                }[];
                                /** Format: uuid */
                                partyId: string;
                                transactionIds: string[];
                            }[];
                            to: string;
                            transactionsScanned: number;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** System health: database, Redis, the outbox queue, partners, API latency and errors, version, uptime */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Health */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            api: {
                                errorRate: number;
                                errors: number;
                                p95LatencyMs: number | null;
                                requests: number;
                            };
                            database: {
                                latencyMs: number;
                                ok: boolean;
                            };
                            partners: {
                                calls: number;
                                failures: number;
                                lastCallAt: string | null;
                                name: string;
                                pending: number;
                                /** @enum {string} */
                                state: "up" | "degraded" | "down" | "idle" | "not_configured";
                            }[];
                            queue: {
                                depth: number;
                                failed: number;
                                oldestPendingSeconds: number;
                            };
                            redis: {
                                configured: boolean;
                                ok: boolean | null;
                            };
                            /** @enum {string} */
                            status: "ok" | "degraded";
                            uptimeSeconds: number;
                            version: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/ledger/trial-balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Debits and credits over the whole ledger, per currency */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Trial balance */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currencies: {
                                balanced: boolean;
                                balancesMatchPostings: boolean;
                                credits: number;
                                currency: string;
                                debits: number;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/limit-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a KYC tier's limits to change at a stated time; another admin approves */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currency: string;
                        daily: number;
                        /** Format: date-time */
                        effectiveAt: string;
                        maxBalance: number;
                        monthly: number;
                        perTransaction: number;
                        reason: string;
                        tier: number;
                    };
                };
            };
            responses: {
                /** @description Requested */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decisionReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "reversal" | "tariff_change" | "limit_change";
                            payload: unknown;
                            reason: string;
                            /** Format: uuid */
                            requestedBy: string;
                            requestedByEmail: string | null;
                            result: unknown;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected" | "failed";
                            targetId: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The limits per KYC tier in force now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Limits */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                currency: string;
                                daily: number;
                                maxBalance: number;
                                monthly: number;
                                perTransaction: number;
                                tier: number;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in member of staff, with the permissions of their role */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Me */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            displayName: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            permissions: string[];
                            /** @enum {string} */
                            role: "admin" | "sub_admin" | "auditor";
                            /** @enum {string} */
                            status: "active" | "disabled";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Merchants with their till and balance, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of merchants */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                balance: number;
                                businessName: string;
                                categoryCode: string;
                                city: string;
                                code: string;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                phone: string;
                                settlementBankAccount: string | null;
                                /** @enum {string} */
                                status: "active" | "suspended";
                                tills: {
                                    code: string;
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a merchant with its till and settlement bank account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        businessName: string;
                        categoryCode: string;
                        city: string;
                        phone: string;
                        pin: string;
                        settlementBankAccount: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            businessName: string;
                            categoryCode: string;
                            city: string;
                            code: string;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            phone: string;
                            settlementBankAccount: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            tills: {
                                code: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One merchant */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The merchant */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            businessName: string;
                            categoryCode: string;
                            city: string;
                            code: string;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            phone: string;
                            settlementBankAccount: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            tills: {
                                code: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a merchant's name, category, city or settlement account */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        businessName?: string;
                        categoryCode?: string;
                        city?: string;
                        settlementBankAccount?: string;
                    };
                };
            };
            responses: {
                /** @description Changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            businessName: string;
                            categoryCode: string;
                            city: string;
                            code: string;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            phone: string;
                            settlementBankAccount: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            tills: {
                                code: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/admin/merchants/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a suspended merchant */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Active */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            businessName: string;
                            categoryCode: string;
                            city: string;
                            code: string;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            phone: string;
                            settlementBankAccount: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            tills: {
                                code: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants/{id}/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A merchant's settlements to its bank account, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of settlements */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                amount: number;
                                bankAccount: string | null;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                status: string;
                                /** Format: uuid */
                                transactionId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/merchants/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a merchant (its sessions end) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Suspended */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            businessName: string;
                            categoryCode: string;
                            city: string;
                            code: string;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            phone: string;
                            settlementBankAccount: string | null;
                            /** @enum {string} */
                            status: "active" | "suspended";
                            tills: {
                                code: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The permission matrix: which role may do what */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The matrix */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            permissions: {
                                permission: string;
                                roles: string[];
                            }[];
                            roles: string[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reconciliation/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask partners now about every transaction still waiting on them (a job does it too) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description How many were checked and settled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            settled: number;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reports/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report for one day: daily transactions, agent commissions, merchant settlements, trial balance */
        get: {
            parameters: {
                query: {
                    date: string;
                };
                header?: never;
                path: {
                    name: "daily-transactions" | "agent-commissions" | "merchant-settlements" | "trial-balance";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            columns: string[];
                            date: string;
                            /** @enum {string} */
                            name: "daily-transactions" | "agent-commissions" | "merchant-settlements" | "trial-balance";
                            rows: (string | number | null)[][];
                            timezone: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reports/{name}.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report for one day as CSV (a header row, then the same rows as the screen) */
        get: {
            parameters: {
                query: {
                    date: string;
                };
                header?: never;
                path: {
                    name: "daily-transactions" | "agent-commissions" | "merchant-settlements" | "trial-balance";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report as CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reversal-requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a reversal request (an admin other than the requester): the reversal is posted */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Approved and reversed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request: {
                                createdAt: string;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                decisionReason: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "reversal" | "tariff_change" | "limit_change";
                                payload: unknown;
                                reason: string;
                                /** Format: uuid */
                                requestedBy: string;
                                requestedByEmail: string | null;
                                result: unknown;
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "failed";
                                targetId: string;
                            };
                            reversal: {
                                /** Format: uuid */
                                id: string;
                                /** @constant */
                                status: "reversed";
                            };
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/reversal-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a reversal request (an admin other than the requester) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Rejected */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decisionReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "reversal" | "tariff_change" | "limit_change";
                            payload: unknown;
                            reason: string;
                            /** Format: uuid */
                            requestedBy: string;
                            requestedByEmail: string | null;
                            result: unknown;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected" | "failed";
                            targetId: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/sms-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Text messages sent, newest first (the local SMS outbox when no provider is configured) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    phone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                message: string;
                                provider: string;
                                sentAt: string | null;
                                /** @enum {string} */
                                status: "queued" | "sent" | "failed";
                                to: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff accounts, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of staff */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                displayName: string;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                role: "admin" | "sub_admin" | "auditor";
                                /** @enum {string} */
                                status: "active" | "disabled";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a staff account (admin, sub-admin or auditor) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        /** Format: email */
                        email: string;
                        password: string;
                        /** @enum {string} */
                        role: "admin" | "sub_admin" | "auditor";
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            displayName: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            role: "admin" | "sub_admin" | "auditor";
                            /** @enum {string} */
                            status: "active" | "disabled";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/staff/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a staff account; its sessions end at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Disabled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            displayName: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            role: "admin" | "sub_admin" | "auditor";
                            /** @enum {string} */
                            status: "active" | "disabled";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/staff/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled staff account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Enabled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            displayName: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            role: "admin" | "sub_admin" | "auditor";
                            /** @enum {string} */
                            status: "active" | "disabled";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tariff-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a transaction type's fee bands to change at a stated time; another admin approves */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bands: {
                            commissionBps: number;
                            commissionFixed: number;
                            feeBps: number;
                            feeFixed: number;
                            maxAmount: number;
                            minAmount: number;
                        }[];
                        currency: string;
                        /** Format: date-time */
                        effectiveAt: string;
                        reason: string;
                        transactionType: string;
                    };
                };
            };
            responses: {
                /** @description Requested */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decisionReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "reversal" | "tariff_change" | "limit_change";
                            payload: unknown;
                            reason: string;
                            /** Format: uuid */
                            requestedBy: string;
                            requestedByEmail: string | null;
                            result: unknown;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected" | "failed";
                            targetId: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tariff-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approved tariff and limit changes, newest first, with what each replaced */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    kind?: "tariff" | "limit";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of changes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                after: unknown;
                                applied: boolean;
                                appliedAt: string | null;
                                /** Format: uuid */
                                approvedBy: string;
                                before: unknown;
                                effectiveAt: string;
                                id: string;
                                key: string;
                                /** @enum {string} */
                                kind: "tariff" | "limit";
                                /** Format: uuid */
                                requestedBy: string;
                                /** Format: uuid */
                                requestId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/tariffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fee tariff bands in force now */
        get: {
            parameters: {
                query?: {
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Bands */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                commissionBps: number;
                                commissionFixed: number;
                                currency: string;
                                feeBps: number;
                                feeFixed: number;
                                id: string;
                                maxAmount: number;
                                minAmount: number;
                                transactionType: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/terminals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Terminals, newest first (of one agent or till), with each one's last check-in */
        get: {
            parameters: {
                query?: {
                    agentCode?: string;
                    limit?: number;
                    tillCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Terminals */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                activatedAt: string | null;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "agent" | "merchant";
                                label: string;
                                lastCheckInAt: string | null;
                                ownerCode: string;
                                ownerName: string;
                                /** @enum {string} */
                                status: "pending_activation" | "active" | "locked" | "wipe_ordered" | "wiped";
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Enrol a terminal for an agent or a till; its one-time activation code is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agentCode: string;
                        label?: string;
                    } | {
                        label?: string;
                        tillCode: string;
                    };
                };
            };
            responses: {
                /** @description Enrolled */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activationCode: string;
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/terminals/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock a terminal: everyone signed in on it is signed out, and no one can sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Locked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedAt: string | null;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "agent" | "merchant";
                            label: string;
                            lastCheckInAt: string | null;
                            ownerCode: string;
                            ownerName: string;
                            /** @enum {string} */
                            status: "pending_activation" | "active" | "locked" | "wipe_ordered" | "wiped";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/terminals/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a terminal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unlocked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedAt: string | null;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "agent" | "merchant";
                            label: string;
                            lastCheckInAt: string | null;
                            ownerCode: string;
                            ownerName: string;
                            /** @enum {string} */
                            status: "pending_activation" | "active" | "locked" | "wipe_ordered" | "wiped";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/terminals/{id}/wipe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Order a wipe of a terminal (it learns at its next check-in); everyone on it is signed out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ordered */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedAt: string | null;
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "agent" | "merchant";
                            label: string;
                            lastCheckInAt: string | null;
                            ownerCode: string;
                            ownerName: string;
                            /** @enum {string} */
                            status: "pending_activation" | "active" | "locked" | "wipe_ordered" | "wiped";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search transactions: type, status, period, party, amount range, reference (newest first) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    from?: string;
                    limit?: number;
                    max?: number;
                    min?: number;
                    party?: string;
                    q?: string;
                    status?: "pending" | "completed" | "failed" | "reversed";
                    to?: string;
                    type?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of transactions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                amount: number;
                                createdAt: string;
                                currency: string;
                                fee: number;
                                /** Format: uuid */
                                id: string;
                                payee: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    phone: string | null;
                                } | null;
                                payer: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    phone: string | null;
                                } | null;
                                reference: string | null;
                                status: string;
                                type: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/transactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transaction with every posting, its partner calls and flags */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The transaction */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                createdAt: string;
                                description: string | null;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                postings: {
                                    accountId: string;
                                    accountType: string;
                                    amount: number;
                                    partyId: string | null;
                                    partyName: string | null;
                                }[];
                            }[];
                            flags: {
                                createdAt: string;
                                kind: string;
                                reason: string;
                            }[];
                            partnerCalls: {
                                asks: number;
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                lastError: string | null;
                                operation: string;
                                partner: string;
                                partnerReference: string | null;
                                reference: string;
                                settledAt: string | null;
                                status: string;
                            }[];
                            transaction: {
                                amount: number;
                                createdAt: string;
                                currency: string;
                                fee: number;
                                /** Format: uuid */
                                id: string;
                                metadata: unknown;
                                note: string | null;
                                originalTransactionId: string | null;
                                payee: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    phone: string | null;
                                } | null;
                                payer: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    phone: string | null;
                                } | null;
                                reference: string | null;
                                status: string;
                                type: string;
                            };
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/transactions/{id}/reversal-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a transaction to be reversed; another admin decides */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Requested */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decisionReason: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "reversal" | "tariff_change" | "limit_change";
                            payload: unknown;
                            reason: string;
                            /** Format: uuid */
                            requestedBy: string;
                            requestedByEmail: string | null;
                            result: unknown;
                            /** @enum {string} */
                            status: "pending" | "approved" | "rejected" | "failed";
                            targetId: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find users by phone, name or ID number (newest first); kyc=submitted: the KYC review queue */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    kyc?: "submitted";
                    limit?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of users */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                firstName: string;
                                /** Format: uuid */
                                id: string;
                                idNumber: string | null;
                                kycTier: number;
                                lastName: string;
                                phone: string;
                                status: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user, for staff */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description User */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/detail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's profile, wallet, limits, PIN tries, KYC records, devices and cards */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cards: {
                                boundAt: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                last4: string;
                                status: string;
                            }[];
                            devices: {
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                label: string;
                                lastSeenAt: string | null;
                                status: string;
                            }[];
                            kyc: {
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                idNumber: string;
                                idType: string;
                                reason: string | null;
                                reviewedBy: string | null;
                                status: string;
                                tier: number;
                            }[];
                            limits: {
                                currency: string;
                                daily: number;
                                maxBalance: number;
                                monthly: number;
                                perTransaction: number;
                                tier: number;
                                usedThisMonth: number;
                                usedToday: number;
                            } | null;
                            pin: {
                                failedAttempts: number;
                                lockedAt: string | null;
                            };
                            profile: {
                                createdAt: string;
                                firstName: string;
                                /** Format: uuid */
                                id: string;
                                idNumber: string | null;
                                kycTier: number;
                                language: string;
                                lastName: string;
                                lockedReason: string | null;
                                phone: string;
                                status: string;
                            };
                            wallet: {
                                accountId: string;
                                available: number;
                                balance: number;
                                currency: string;
                                held: number;
                            } | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/id-photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's latest ID photo, for KYC review (the image itself) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/kyc/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the user's submitted ID: KYC tier 2 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Approved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/kyc/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject the user's submitted ID, with the reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Rejected */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/kyc/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a user verified (KYC tier 2) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Verified */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock a user account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Locked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/pin-tries/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset the user's wrong-PIN count (and a PIN lockout) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reset */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            failedAttempts: 0;
                            lockedAt: null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a user account (also ends a PIN lockout) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Unlocked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/commissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My commission statement for a period: earned per transaction, paid out, still owed */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The statement */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Commission earned on transactions of the period */
                            accrued: number;
                            currency: string;
                            from: string;
                            items: {
                                amount: number;
                                commission: number;
                                createdAt: string;
                                reference: string;
                                /** Format: uuid */
                                transactionId: string;
                                type: string;
                            }[];
                            /** @description Earned and not yet paid, now */
                            outstanding: number;
                            /** @description Commission paid into the float during the period */
                            paid: number;
                            payouts: {
                                amount: number;
                                createdAt: string;
                                reference: string;
                                /** Format: uuid */
                                transactionId: string;
                            }[];
                            to: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a customer at the counter with their ID; the phone is then confirmed with the SMS code (POST /v1/users/confirm-phone) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        firstName: string;
                        idNumber: string;
                        /** @enum {string} */
                        idType: "national_id" | "passport" | "alien_id";
                        /** @enum {string} */
                        language?: "en" | "sw";
                        lastName: string;
                        phone: string;
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description Registered; waiting for the SMS code */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/customers/{id}/id-photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A photo of the ID of a customer I registered: the raw JPEG or PNG, up to 2 MB */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "image/jpeg": Blob;
                    "image/png": Blob;
                };
            };
            responses: {
                /** @description Stored */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            contentType: "image/jpeg" | "image/png";
                            /** Format: uuid */
                            customerId: string;
                            sha256: string;
                            size: number;
                            uploadedAt: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/customers/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who holds this phone's wallet: the registered name to show before cash-in or cash-out */
        get: {
            parameters: {
                query: {
                    phone: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The customer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            canTransact: boolean;
                            kycTier: number;
                            name: string;
                            phone: string;
                            /** @enum {string} */
                            status: "pending_otp" | "active" | "locked" | "closed";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/float": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My float: balance, available, and whether it is below my low-float threshold */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The float */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            available: number;
                            balance: number;
                            currency: string;
                            low: boolean;
                            lowFloatThreshold: number;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/float-statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My float, line by line, newest first, with the balance after each line */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the statement */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                amount: number;
                                /** Format: date-time */
                                at: string;
                                balanceAfter: number;
                                postingId: string;
                                transactionId: string | null;
                                type: string | null;
                            }[];
                            nextBefore: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/float/top-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Top up my float from my bank account (credited when the bank confirms) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                    };
                };
            };
            responses: {
                /** @description Done */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description Waiting on the bank */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @constant */
                            status: "pending";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/float/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send float back to my bank account */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                    };
                };
            };
            responses: {
                /** @description Done */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description Waiting on the bank */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @constant */
                            status: "pending";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My transactions of one day (the GoPay time zone's day), newest first, a page at a time */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    date: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            items: {
                                amount: number;
                                cashHandedOverAt: string | null;
                                /** @description The agent's commission; only for that agent */
                                commission: number | null;
                                counterparty: {
                                    name: string;
                                    phone: string | null;
                                } | null;
                                createdAt: string;
                                currency: string;
                                /** @enum {string} */
                                direction: "in" | "out";
                                fee: number;
                                /** Format: uuid */
                                id: string;
                                /** @description How a merchant sale was paid */
                                method: ("qr" | "code" | "card") | null;
                                /** @description Short human reference, as printed and quoted in text messages */
                                reference: string;
                                /** @enum {string} */
                                status: "pending" | "completed" | "failed" | "reversed";
                                type: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Withdrawals customers started to me (last 7 days): the cash to hand over */
        get: {
            parameters: {
                query?: {
                    status?: "awaiting_cash" | "handed_over" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Withdrawals */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                amount: number;
                                cashHandedOverAt: string | null;
                                /** @description The agent's commission; only for that agent */
                                commission: number | null;
                                counterparty: {
                                    name: string;
                                    phone: string | null;
                                } | null;
                                createdAt: string;
                                currency: string;
                                /** @enum {string} */
                                direction: "in" | "out";
                                fee: number;
                                /** Format: uuid */
                                id: string;
                                /** @description How a merchant sale was paid */
                                method: ("qr" | "code" | "card") | null;
                                /** @description Short human reference, as printed and quoted in text messages */
                                reference: string;
                                /** @enum {string} */
                                status: "pending" | "completed" | "failed" | "reversed";
                                type: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/me/withdrawals/{id}/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a withdrawal's cash as handed over (once); answers the receipt to print */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recorded */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            cashHandedOverAt: string | null;
                            /** @description The agent's commission; only for that agent */
                            commission: number | null;
                            counterparty: {
                                name: string;
                                phone: string | null;
                            } | null;
                            createdAt: string;
                            currency: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @description How a merchant sale was paid */
                            method: ("qr" | "code" | "card") | null;
                            /** @description Short human reference, as printed and quoted in text messages */
                            reference: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/airtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy airtime for my number or another */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        phone?: string;
                    };
                };
            };
            responses: {
                /** @description Sent */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description Pending at the provider */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @constant */
                            status: "pending";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with phone and PIN, or staff email and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phone: string;
                        pin: string;
                    } | {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            principal: {
                                /** Format: uuid */
                                id: string;
                                roles: string[];
                            };
                            refreshToken: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: this session's refresh family is revoked, so neither of its tokens works again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token for a new pair; a reused token signs its whole family out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description New tokens */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            principal: {
                                /** Format: uuid */
                                id: string;
                                roles: string[];
                            };
                            refreshToken: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A service's own session (the USSD gateway), for its configured secret */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        secret: string;
                        /** @constant */
                        service: "ussd";
                    };
                };
            };
            responses: {
                /** @description Tokens */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            principal: {
                                /** Format: uuid */
                                id: string;
                                roles: string[];
                            };
                            refreshToken: string;
                        };
                    };
                };
                /** @description Wrong secret */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bank-transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send money from my wallet to a bank account (held until the bank confirms) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountNumber: string;
                        amount: number;
                    };
                };
            };
            responses: {
                /** @description Done */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description Waiting on the bank */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @constant */
                            status: "pending";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bill-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay a bill: held, then posted on the biller’s receipt (a prepaid token arrives by SMS) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountNumber: string;
                        amount: number;
                        billerCode: string;
                    };
                };
            };
            responses: {
                /** @description Paid */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description Pending at the biller */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @constant */
                            status: "pending";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The billers one can pay, with their account-number rule and fee */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Billers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                accountPattern: string;
                                code: string;
                                fee: number;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billers/{billerCode}/accounts/{accountNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The biller's check of an account number, with the customer's name to confirm */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountNumber: string;
                    billerCode: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The account holder */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountNumber: string;
                            billerCode: string;
                            billerName: string;
                            customerName: string;
                            fee: number;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/card-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A GoPay card sale: the card read by the terminal and the holder's PIN pay the till */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        card: {
                            /** @constant */
                            kind: "nfc";
                            uid: string;
                        } | {
                            /** @constant */
                            kind: "magstripe";
                            pan: string;
                        };
                        /** Format: uuid */
                        paymentRequestId?: string;
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description Paid */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            cashHandedOverAt: string | null;
                            /** @description The agent's commission; only for that agent */
                            commission: number | null;
                            counterparty: {
                                name: string;
                                phone: string | null;
                            } | null;
                            createdAt: string;
                            currency: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @description How a merchant sale was paid */
                            method: ("qr" | "code" | "card") | null;
                            /** @description Short human reference, as printed and quoted in text messages */
                            reference: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cards/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whose is this card? (a terminal, when a card is tapped or swiped) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        kind: "nfc";
                        uid: string;
                    } | {
                        /** @constant */
                        kind: "magstripe";
                        pan: string;
                    };
                };
            };
            responses: {
                /** @description The card and its holder */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            card: {
                                boundAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "nfc" | "magstripe";
                                last4: string;
                                /** @enum {string} */
                                status: "active" | "blocked";
                            };
                            holder: {
                                name: string;
                                phone: string;
                            };
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cash-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cash in: the agent's float pays the customer's wallet */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        customerPhone: string;
                    };
                };
            };
            responses: {
                /** @description Done */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cash-outs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cash out at the counter, authorised by the customer with their PIN */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        customerPhone: string;
                        customerPin: string;
                    };
                };
            };
            responses: {
                /** @description Done */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agentCode: string;
                            agentName: string;
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A device asks what it must do (authenticated by its own secret) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deviceSecret: string;
                    };
                };
            };
            responses: {
                /** @description The command */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            command: "wipe" | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/{id}/wipe-confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A device reports it has wiped itself */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deviceSecret: string;
                    };
                };
            };
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            label: string;
                            /** @enum {string} */
                            status: "active" | "wipe_pending" | "wiped";
                            wipeConfirmedAt: string | null;
                            wipeRequestedAt: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/bank/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The bank's webhook (signed with X-GoPay-Signature): deposits, and outcomes of our payouts and collections */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        data: {
                            amount?: number;
                            partnerReference?: string;
                            phone?: string;
                            reason?: string;
                            reference?: string;
                        };
                        id: string;
                        type: string;
                    };
                };
            };
            responses: {
                /** @description Taken (each event id acts once) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            outcome: "credited" | "settled" | "duplicate" | "already_settled" | "conflict" | "ignored" | "unknown_reference" | "rejected_unknown_wallet" | "rejected_wallet_locked";
                        };
                    };
                };
                /** @description Bad signature */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Profile */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my names, language or SMS notifications */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        firstName?: string;
                        /** @enum {string} */
                        language?: "en" | "sw";
                        lastName?: string;
                        notifyBySms?: boolean;
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/me/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My cards */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cards */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                boundAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "nfc" | "magstripe";
                                last4: string;
                                /** @enum {string} */
                                status: "active" | "blocked";
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Bind a GoPay card (NFC UID or magstripe number) to my wallet */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @constant */
                        kind: "nfc";
                        uid: string;
                    } | {
                        /** @constant */
                        kind: "magstripe";
                        pan: string;
                    };
                };
            };
            responses: {
                /** @description Bound */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            boundAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "nfc" | "magstripe";
                            last4: string;
                            /** @enum {string} */
                            status: "active" | "blocked";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cards/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Block one of my cards (lost or stolen) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Blocked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            boundAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "nfc" | "magstripe";
                            last4: string;
                            /** @enum {string} */
                            status: "active" | "blocked";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My devices */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Devices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                label: string;
                                /** @enum {string} */
                                status: "active" | "wipe_pending" | "wiped";
                                wipeConfirmedAt: string | null;
                                wipeRequestedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Register this device; its secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fingerprint: string;
                        label: string;
                    };
                };
            };
            responses: {
                /** @description Registered */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            device: {
                                /** Format: uuid */
                                id: string;
                                label: string;
                                /** @enum {string} */
                                status: "active" | "wipe_pending" | "wiped";
                                wipeConfirmedAt: string | null;
                                wipeRequestedAt: string | null;
                            };
                            deviceSecret: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/devices/{id}/wipe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Order a wipe of one of my devices (lost or stolen) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ordered */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            label: string;
                            /** @enum {string} */
                            status: "active" | "wipe_pending" | "wiped";
                            wipeConfirmedAt: string | null;
                            wipeRequestedAt: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/kyc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Capture my ID document (KYC tier 1) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        idNumber: string;
                        /** @enum {string} */
                        idType: "national_id" | "passport" | "alien_id";
                    };
                };
            };
            responses: {
                /** @description Captured */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My KYC tier, its limits, and what I have used of them today and this month */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Limits and use */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            daily: number;
                            kycTier: number;
                            maxBalance: number;
                            monthly: number;
                            perTransaction: number;
                            usedThisMonth: number;
                            usedToday: number;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock my account (lost phone, suspected fraud); signs every session out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Locked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What GoPay told me, newest first (the in-app list) */
        get: {
            parameters: {
                query?: {
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of notifications and how many are unread */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                kind: string;
                                read: boolean;
                            }[];
                            nextBefore: string | null;
                            unread: number;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark my notifications read, up to and including one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        upTo: string;
                    };
                };
            };
            responses: {
                /** @description How many were marked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            marked: number;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my PIN (the old one required); my other sessions are signed out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        newPin: string;
                        oldPin: string;
                    };
                };
            };
            responses: {
                /** @description Changed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My transactions, newest first, a page at a time */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of transactions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                amount: number;
                                counterparty: {
                                    name: string;
                                    phone: string | null;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** @enum {string} */
                                direction: "in" | "out";
                                fee: number;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "completed" | "failed" | "reversed";
                                type: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My balance: posted, and available (less pending reservations) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Wallet */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string;
                            available: number;
                            balance: number;
                            currency: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchant-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay a merchant from my wallet: by till code and amount, or by scanning its QR (static, or a payment request's) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        merchantCode: string;
                    } | {
                        amount?: number;
                        qr: string;
                    };
                };
            };
            responses: {
                /** @description Paid */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/me/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My till's static QR (the customer types the amount) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The QR payload */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            qr: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/me/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My till's sales of one day, newest first, with what was refunded of each */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    date: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of sales */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            items: {
                                amount: number;
                                createdAt: string;
                                currency: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                method: "qr" | "code" | "card";
                                payer: {
                                    name: string;
                                    phone: string | null;
                                } | null;
                                reference: string;
                                refundable: number;
                                refunded: number;
                                /** @enum {string} */
                                status: "pending" | "completed" | "failed" | "reversed";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/me/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Settle my till's balance (or part of it) to my bank account, less the settlement fee */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount?: number;
                    };
                };
            };
            responses: {
                /** @description Done */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description Waiting on the bank */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            /** Format: date-time */
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @constant */
                            status: "pending";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/me/z-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My till's end-of-day report: sales by method, refunds, fees, net, settlements */
        get: {
            parameters: {
                query: {
                    date: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Z-report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byMethod: {
                                card: {
                                    count: number;
                                    total: number;
                                };
                                code: {
                                    count: number;
                                    total: number;
                                };
                                qr: {
                                    count: number;
                                    total: number;
                                };
                            };
                            currency: string;
                            date: string;
                            fees: number;
                            generatedAt: string;
                            net: number;
                            refunds: {
                                count: number;
                                total: number;
                            };
                            sales: {
                                count: number;
                                total: number;
                            };
                            settlements: {
                                count: number;
                                total: number;
                            };
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for one payment: an amount, a reference, an expiry, and the EMVCo QR to show the customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        reference?: string;
                        ttlSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description Requested */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            currency: string;
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            paidTransactionId: string | null;
                            qr: string;
                            reference: string | null;
                            /** @enum {string} */
                            status: "pending" | "paid" | "expired" | "cancelled";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A payment request's status: pending, paid, expired or cancelled (poll it to see it paid) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            currency: string;
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            paidTransactionId: string | null;
                            qr: string;
                            reference: string | null;
                            /** @enum {string} */
                            status: "pending" | "paid" | "expired" | "cancelled";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending payment request (the customer changed their mind) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cancelled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            currency: string;
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            paidTransactionId: string | null;
                            qr: string;
                            reference: string | null;
                            /** @enum {string} */
                            status: "pending" | "paid" | "expired" | "cancelled";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payment-requests/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A payment request's status as server-sent events: now, then on every change, ending at paid, expired or cancelled */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream of `event: status` whose data is the payment request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            amount: number;
                            currency: string;
                            expiresAt: string;
                            /** Format: uuid */
                            id: string;
                            paidTransactionId: string | null;
                            qr: string;
                            reference: string | null;
                            /** @enum {string} */
                            status: "pending" | "paid" | "expired" | "cancelled";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund all or part of a payment to my till; never more than was paid */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        /** Format: uuid */
                        paymentId: string;
                    };
                };
            };
            responses: {
                /** @description Refunded */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            refundedSoFar: number;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/terminals/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A terminal asks what it must do (active, locked, or wipe ordered); records its check-in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Its state */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            /** @enum {string} */
                            kind: "agent" | "merchant";
                            label: string;
                            ownerCode: string;
                            ownerName: string;
                            serverTime: string;
                            /** @enum {string} */
                            status: "active" | "locked" | "wipe_ordered";
                            /** @description GoPay's time zone (IANA), in which the business day is counted */
                            timeZone: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/terminals/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The terminal's agent or merchant signs in on it with phone and PIN */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phone: string;
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description Signed in */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            principal: {
                                /** Format: uuid */
                                id: string;
                                roles: string[];
                            };
                            refreshToken: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/terminals/{id}/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The operator signs out of the terminal: this session ends at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            signedOut: true;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/terminals/{id}/wipe-confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A terminal reports it has wiped itself; its secret stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            status: "wiped";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/terminals/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a terminal with its one-time code; its device secret is given once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        activationCode: string;
                    };
                };
            };
            responses: {
                /** @description Activated */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            deviceSecret: string;
                            /** @enum {string} */
                            kind: "agent" | "merchant";
                            label: string;
                            ownerCode: string;
                            /** Format: uuid */
                            terminalId: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transactions/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transaction, as a party to it sees it: what a receipt (or its reprint) needs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The receipt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            cashHandedOverAt: string | null;
                            /** @description The agent's commission; only for that agent */
                            commission: number | null;
                            counterparty: {
                                name: string;
                                phone: string | null;
                            } | null;
                            createdAt: string;
                            currency: string;
                            /** @enum {string} */
                            direction: "in" | "out";
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @description How a merchant sale was paid */
                            method: ("qr" | "code" | "card") | null;
                            /** @description Short human reference, as printed and quoted in text messages */
                            reference: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send money from my wallet to another wallet (P2P); the fee is charged on top */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: number;
                        note?: string;
                        toPhone: string;
                    };
                };
            };
            responses: {
                /** @description Sent */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a wallet; a code is sent by SMS to confirm the phone */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        firstName: string;
                        /** @enum {string} */
                        language?: "en" | "sw";
                        lastName: string;
                        phone: string;
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description Registered, waiting for the SMS code */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/confirm-phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the phone with the code sent by SMS */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        phone: string;
                    };
                };
            };
            responses: {
                /** @description Confirmed; the wallet is active */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/resend-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the confirmation code again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phone: string;
                    };
                };
            };
            responses: {
                /** @description Sent */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            sent: true;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ussd/fees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The fee of a transaction type for an amount */
        get: {
            parameters: {
                query: {
                    amount: number;
                    type: "p2p" | "withdrawal" | "merchant_payment" | "airtime";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The fee */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fee: number;
                        };
                    };
                };
                /** @description Outside every band */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ussd/payees/{kind}/{ref}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How a payee is named on a confirm screen (wallet by phone, agent or merchant by code) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "wallet" | "agent" | "merchant";
                    ref: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                        };
                    };
                };
                /** @description No such payee */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ussd/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Registers the session’s number (the network vouches for it: no OTP) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        firstName: string;
                        idNumber: string;
                        /**
                         * @default en
                         * @enum {string}
                         */
                        language?: "en" | "sw";
                        lastName: string;
                        phone: string;
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description Registered */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstName: string;
                            /** Format: uuid */
                            id: string;
                            kycTier: number;
                            language: string;
                            lastName: string;
                            notifyBySms: boolean;
                            phone: string;
                            status: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ussd/session-ends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The network's end-of-session report, as the gateway received it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cost?: string;
                        durationMs?: number;
                        errorMessage?: string;
                        hops?: number;
                        lastResponse?: string;
                        networkCode?: string;
                        phone: string;
                        serviceCode?: string;
                        sessionId: string;
                        status: string;
                    };
                };
            };
            responses: {
                /** @description Recorded */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ussd/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Opens a session acting for the session's number, with that user's PIN */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        phone: string;
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description An access token for the user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ussd/subscribers/{phone}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a number is registered, and its language */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    phone: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The subscriber */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            registered: false;
                        } | {
                            firstName: string;
                            kycTier: number;
                            /** @enum {string} */
                            language: "en" | "sw";
                            /** @constant */
                            registered: true;
                            /** @enum {string} */
                            status: "pending_otp" | "active" | "locked" | "closed";
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw cash at an agent, started by the customer (the agent is told at once) */
        post: {
            parameters: {
                query?: never;
                header: {
                    "Idempotency-Key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        agentCode: string;
                        amount: number;
                    };
                };
            };
            responses: {
                /** @description Done */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agentCode: string;
                            agentName: string;
                            amount: number;
                            createdAt: string;
                            currency: string;
                            fee: number;
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @enum {string} */
                            status: "pending" | "completed" | "failed" | "reversed";
                            type: string;
                        };
                    };
                };
                /** @description A problem */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            code: string;
            detail: string;
            status: number;
            title: string;
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
