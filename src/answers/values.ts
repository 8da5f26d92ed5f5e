/** Figures as prose writes them: "$100 billion", "50%", "600,000 troops", "Troop cap: 600,000 troops". */
import type { Value } from '../knowledge/schema.js';
import { groupThousands } from '../text/numbers.js';

export function formatValue(value: Value): string {
  const amount = value.amount;
  switch (value.unit) {
    case 'usd':
    case 'eur': {
      const symbol = value.unit === 'usd' ? '$' : '€';
      if (amount >= 1e9) return `${symbol}${trim(amount / 1e9)} billion`;
      if (amount >= 1e6) return `${symbol}${trim(amount / 1e6)} million`;
      return `${symbol}${groupThousands(amount)}`;
    }
    case 'percent':
      return `${trim(amount)}%`;
    case 'year':
      return String(amount);
    case 'count':
      return groupThousands(amount);
    default: {
      // "1 month", not "1 months".
      const unit = amount === 1 && value.unit.endsWith('s') ? value.unit.slice(0, -1) : value.unit;
      return `${groupThousands(amount)} ${unit}`;
    }
  }
}

/** A value beside its point: the figure alone, unless a bare count would not say what it counts. */
export function shortValue(value: Value): string {
  return value.unit === 'count' ? labelledValue(value) : formatValue(value);
}

/** A figure with what it counts: "Euroclear holdings: €140 billion". */
export function labelledValue(value: Value): string {
  return `${value.label}: ${formatValue(value)}`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
