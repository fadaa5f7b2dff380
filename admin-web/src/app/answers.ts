import type { paths } from '@gopay/api-client'

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never

/**
 * The JSON a route answers on success, from the types generated from the core's OpenAPI document:
 * the screens' data shapes come from the core, so a change there fails the typecheck here.
 */
export type Answer<
  P extends keyof paths,
  M extends 'get' | 'post' | 'put' | 'patch' = 'get',
> = paths[P][M] extends {
  responses: infer R
}
  ? R extends { 200: infer OK }
    ? Json<OK>
    : R extends { 201: infer Created }
      ? Json<Created>
      : R extends { 202: infer Accepted }
        ? Json<Accepted>
        : never
  : never

/** One row of a paged list answer. */
export type Row<P extends keyof paths> = Answer<P> extends { items: (infer T)[] } ? T : never
