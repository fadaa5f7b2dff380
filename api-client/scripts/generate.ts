import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generatedPath, generateTypes } from './document'

writeFileSync(generatedPath, await generateTypes())
console.log(`wrote ${fileURLToPath(generatedPath)}`)
