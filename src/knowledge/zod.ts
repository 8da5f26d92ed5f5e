/**
 * zod as the knowledge files use it. They are validated once per start or reload (in the validator's
 * own process: src/knowledge/apart.ts), so zod's just-in-time parsers (a function generated and compiled per object schema, kept for good)
 * cost more to build and hold than they save: jitless validation.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
