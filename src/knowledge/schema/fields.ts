import { z } from '../zod.js';

/** The field types every knowledge file is built from. */

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "troop-cap"');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');
/** Partial dates are allowed for events known only to the month ("2025-10"). */
export const looseDate = z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD');
export const text = z.string().trim().min(1, 'must not be empty');
