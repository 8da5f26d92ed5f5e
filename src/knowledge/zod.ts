/**
 * zod as the knowledge files and the configuration use it. Both are validated once per start or reload,
 * so zod's just-in-time parsers (a function generated and compiled per object schema, kept for good)
 * cost more to build and hold than they save: jitless validation.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
