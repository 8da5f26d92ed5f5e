import { beforeAll, describe, expect, it } from 'vitest';
import { readClaimText } from '../../src/answers/factcheck/index.js';
import type { Verdict } from '../../src/answers/types.js';
import { loadCore, type Core } from '../../src/core.js';
import { expectVerdict } from '../support/factcheck.js';

/** Claims worded loosely, the way people retell them: the plan, the role or the document still decides. */

let core: Core;
beforeAll(() => {
  core = loadCore();
});

const check = (claim: string, verdict: Verdict, facts: string[] = []): void => {
  expectVerdict(core, claim, verdict, facts);
};

describe("a person's count of points names their plan", () => {
  it('"Witkoff\'s 28 pts" is the 28-point plan, not a count of points', () => {
    expect(readClaimText(core, "witkoff's 28 pts say ukraine keeps its guarantee").plans).toEqual(['us-28']);
    // a count the plan had is still a count
    expect(readClaimText(core, 'the E3 counterproposal had 28 points').plans).toEqual([]);
  });

  it('so the point on the guarantee decides', () => {
    check(
      "witkoff's 28 pts allow ukraine to fire missiles at moscow and still keep the guarantee",
      'contradicted',
      ['us-28-10'],
    );
  });
});

describe('who holds a role', () => {
  it('a fact that names the person but puts nobody in the role does not confirm the role', () => {
    check('the peace council is headed by putin', 'contradicted', ['us-28-27']);
  });

  it('a role noun after "is the" gives the role to the one named before it', () => {
    check('zelensky is the head of the peace council', 'contradicted', ['us-28-27']);
    check('trump is the chair of the peace council', 'supported', ['us-28-27']);
  });
});

describe('another document filed with a plan', () => {
  it('the E3 counter-proposal is judged by its own text, not by comparing the plans', () => {
    check("the e3 counterproposal put a 600,000 ceiling on ukraine's army", 'contradicted', [
      'eu-6-e3-item-1',
    ]);
  });
});

describe('a capital as the place something is made into', () => {
  it('"turns Kyiv into a demilitarised zone" is about the city, which no plan demilitarises', () => {
    check("trump's plan turns kyiv into a demilitarised zone", 'not_in_sources');
    // the capital still stands for its government when it acts
    check('trump wanted kyiv to accept by thanksgiving', 'supported', ['us-28-deadline']);
  });
});

describe('parties are loose', () => {
  it('a fact that differs only by naming another party does not outweigh one naming the claim’s party', () => {
    // the EU's position names Russian assets; the summit names the loan for Ukraine
    check(
      'the EU approved a €90bn loan for ukraine in december 2025 instead of a reparations loan',
      'supported',
      ['ev-2025-12-18-eu-summit-loan'],
    );
    check('the EU approved a €90bn loan for russia in dec 2025', 'contradicted');
  });
});

describe('a reporting verb is not content', () => {
  it('"the letter demanded X" is judged by what the letter says', () => {
    check(
      "zelensky's open letter to putin demanded that russia hand back crimea before any talks",
      'contradicted',
      ['ev-2026-06-04-zelensky-open-letter'],
    );
  });
});

describe('what a plan "demands" is what it says', () => {
  it('"the deal calls for X" is compared plan by plan, like "the deal says X"', () => {
    check('the deal calls for ukraine to leave the rest of donetsk', 'depends_on_plan', [
      'us-28-21',
      'us-ua-20-14',
    ]);
  });
});

describe('joining words are not content', () => {
  it('"while" ties two parts of a claim and is not something a fact must hold', () => {
    expect(readClaimText(core, 'ukraine gets market access while it seeks membership').stems).not.toContain(
      'whil',
    );
    check('the original plan lets ukraine pursue eu membership while getting eu market access', 'supported', [
      'us-28-11',
    ]);
  });
});

describe("a card's figure is not an event's", () => {
  it("a depository's holdings do not make an event's figure uncertain", () => {
    check('the EU settled on a 90bn euro loan rather than the reparations loan', 'supported', [
      'ev-2025-12-18-eu-summit-loan',
    ]);
    check('the EU went with a 50 billion euro loan instead of the reparations loan', 'contradicted');
  });
});

describe('a short claim ties with many facts', () => {
  it('a recorded disagreement tied with the last candidates is still looked at', () => {
    check('the new plan removed the frozen russian assets entirely', 'disputed');
  });
});
