import { beforeAll, describe, expect, it } from 'vitest';
import { answerFactcheck } from '../../src/answers/factcheck/index.js';
import type { Answer, Verdict } from '../../src/answers/types.js';
import { loadCore, type Core } from '../../src/core.js';
import { expectVerdict } from '../support/factcheck.js';

/**
 * The fact check against the real knowledge base, claim by claim: the verdict, the facts it rests on and
 * the words of the evidence. Claims it must refuse to judge matter as much as the ones it judges.
 */

let core: Core;
beforeAll(() => {
  core = loadCore();
});

const check = (claim: string, verdict: Verdict, facts: string[] = [], says: string[] = []): Answer =>
  expectVerdict(core, claim, verdict, facts, says);

describe('figures, as people write them', () => {
  it.each([
    ["the 28-point plan caps Ukraine's army at 600k", 'supported', 'us-28-6'],
    ["the 28-point plan caps Ukraine's army at six hundred thousand", 'supported', 'us-28-6'],
    ["the 28-point plan caps Ukraine's army at 0.6 million", 'supported', 'us-28-6'],
    ["Trump's plan limits the Ukrainian army to six hundred thousand troops", 'supported', 'us-28-6'],
    ["the 20-point plan caps Ukraine's army at 600 000", 'contradicted', 'us-ua-20-4'],
    ["the 20-point plan caps Ukraine's army at 600,000", 'contradicted', 'us-ua-20-4'],
    ["Zelensky's plan sets the army at 800 000", 'supported', 'us-ua-20-4'],
    ["the Berlin statement keeps Ukraine's army at 800,000 in peacetime", 'supported', 'eu-6-1'],
    ['the Berlin statement caps the army at 600,000', 'contradicted', 'eu-6-1'],
    ['the 28-point plan uses $100bn of frozen Russian assets', 'supported', 'us-28-14'],
    ['the 28-point plan uses 100 billion dollars of frozen Russian assets', 'supported', 'us-28-14'],
    ['the 28 point plan gives the US 50% of the profit', 'supported', 'us-28-14'],
    ['the 28-point plan gives the US 60% of the profit', 'contradicted', 'us-28-14'],
    ['the 20-point plan aims to raise $800 billion', 'supported', 'us-ua-20-9'],
    ['the 20-point plan aims to raise $900 billion', 'contradicted', 'us-ua-20-9'],
    ['the 28-point plan requires elections within 100 days', 'supported', 'us-28-25'],
    ['the 20-point plan requires elections within 100 days', 'contradicted', 'us-ua-20-18'],
  ] as const)('%s → %s', (claim, verdict, fact) => {
    check(claim, verdict, [fact]);
  });

  it('a contradicted figure shows the figure the plan gives', () => {
    check("the 20-point plan caps Ukraine's army at 600,000", 'contradicted', ['us-ua-20-4'], ['800,000']);
  });
});

describe('presence, absence and direction', () => {
  it.each([
    ['the 27-point plan bans NATO membership', 'supported', 'us-28-7'],
    ['the 28-point plan includes a full amnesty', 'supported', 'us-28-26'],
    ['the 20-point plan includes an amnesty', 'contradicted', 'change-amnesty-removed'],
    ['the 20-point plan does not include an amnesty', 'supported', 'change-amnesty-removed'],
    ['the 20-point plan drops the amnesty', 'supported', 'change-amnesty-removed'],
    ["the 28-point plan doesn't mention amnesty", 'contradicted', 'us-28-26'],
    ["Zelensky's plan does not ban NATO membership", 'supported', 'change-nato-membership-ban-removed'],
    ['the 20-point plan no longer bans NATO membership', 'supported', 'change-nato-membership-ban-removed'],
    ['the 28-point plan allows Ukraine to join NATO', 'contradicted', 'us-28-7'],
    ['the 28-point plan bars NATO troops from Ukraine', 'supported', 'us-28-8'],
    ['NATO troops can be deployed in Ukraine under the 28-point plan', 'contradicted', 'us-28-8'],
    ['the 28 point plan bans Nazi ideology', 'supported', 'us-28-20'],
    ['the 20 point plan bans Nazi ideology', 'contradicted', 'change-language-church-nazism'],
    ['the 28-point plan requires Ukraine to withdraw from Donetsk', 'supported', 'us-28-21'],
    ['the 28-point plan keeps Ukraine non-nuclear', 'supported', 'us-28-18'],
    ['the 20-point plan gives Ukraine guarantees mirroring Article 5', 'supported', 'us-ua-20-5'],
    ['the Berlin statement includes a multinational force in Ukraine', 'supported', 'eu-6-2'],
    // "into NATO" is membership; "eventually" adds nothing to check; peacekeepers are troops
    ["trump's 28 pt plan lets ukraine into nato eventually", 'contradicted', 'us-28-7'],
    ["trump's plan puts nato troops in ukraine as peacekeepers", 'contradicted', 'us-28-8'],
    ['the 20-point plan demilitarises the Kinburn Spit', 'supported', 'us-ua-20-16'],
  ] as const)('%s → %s', (claim, verdict, fact) => {
    check(claim, verdict, [fact]);
  });
});

describe('abbreviations and figures in the unit the claim uses', () => {
  it.each([
    ["ukraine's CEC wants polling stations in russia and belarus", 'contradicted'],
    ["ukraine's CEC wants elections within 3 months of martial law ending", 'contradicted'],
    // "3 months" is read against the six-month period, not against the 90-day campaign (also 3 months)
    ['the CEC proposes holding elections 3 months after martial law ends', 'contradicted'],
  ] as const)('%s → %s', (claim, verdict) => {
    check(claim, verdict, ['elections-ukraine-2']);
  });
});

describe('"end of" a month is a time, not a negation', () => {
  it('"resigned end of nov 2025 and umerov took over" is supported', () => {
    check('yermak resigned end of nov 2025 and umerov took over the talks', 'supported', [
      'ev-2025-11-28-yermak-resigns',
    ]);
  });
});

describe('a day named by its ordinal beside a month', () => {
  it('"in feb 2026 … on the 16th" is 16 Feb 2026, which the sources dispute', () => {
    const answer = check('the geneva trilateral round in feb 2026 was on the 16th', 'disputed');
    expect(answer.factIds).toContain('ev-2026-02-17-geneva-round-3');
  });
});

describe('what was done instead of what', () => {
  it.each([
    // "failed to agree a reparations loan and instead approved a €90bn loan": two clauses
    ['the EU approved a 90 billion euro loan', 'supported'],
    ['the EU approved a 90 billion euro loan instead of a reparations loan', 'supported'],
    ['the EU agreed a reparations loan', 'contradicted'],
  ] as const)('%s → %s', (claim, verdict) => {
    check(claim, verdict, ['assets-europe']);
  });
});

describe('how people say a plan came out', () => {
  it.each([
    ['the berlin statement came out on 1 december 2025', 'contradicted', '15 Dec'],
    ['the new york times was first to reveal the 28 point plan', 'contradicted', 'Axios'],
    ['axios was first to reveal the 28 point plan', 'supported', 'Axios'],
  ] as const)('%s → %s', (claim, verdict, says) => {
    check(claim, verdict, [], [says]);
  });
});

describe('who receives: the name right after the verb, or the subject a point opens with', () => {
  it('"gives Ukraine … access to EU markets": Ukraine receives, as the points that open with Ukraine say', () => {
    check('the peace plan gives ukraine temporary privileged access to EU markets', 'supported', [
      'us-28-11',
    ]);
  });
});

describe('a share against one holder alone', () => {
  it.each([
    ['under the 28pt, russia gets the zaporizhzhia plant and all its power', 'contradicted'],
    ["the 28 point plan gives all the zaporizhzhia plant's power to ukraine", 'contradicted'],
    ["under the 28 point plan russia gets half of the zaporizhzhia plant's power", 'supported'],
    ["the 28 point plan splits the zaporizhzhia plant's power between russia and ukraine", 'supported'],
  ] as const)('%s → %s', (claim, verdict) => {
    check(claim, verdict, ['us-28-19']);
  });
});

describe('a date against a window', () => {
  it('a plan that sets a window, not a date, says otherwise to a date', () => {
    check(
      'the 28-point plan scheduled the elections in Ukraine for 15 May',
      'contradicted',
      ['us-28-25'],
      ['100 days'],
    );
  });

  it("a span in another unit is answered by the plan's window, not by years of something else", () => {
    check(
      'the 28 point plan gave ukraine 2 years to hold elections',
      'contradicted',
      ['us-28-25'],
      ['100 days'],
    );
  });

  it('a window that holds the claimed span still agrees', () => {
    check('the 28-point plan wants elections within 100 days', 'supported', ['us-28-25']);
  });
});

describe('no plan named: the plans compared', () => {
  it.each([
    ['the plan bans Ukraine from joining NATO', ['us-28-7', 'change-nato-membership-ban-removed']],
    ["Ukraine's army is capped at 600,000 under the peace plan", ['us-28-6', 'us-ua-20-4']],
    ['the peace plan includes amnesty', ['us-28-26', 'change-amnesty-removed']],
    ['the peace plan makes Ukraine hold elections within 100 days', ['us-28-25']],
    ['the plan gives Ukraine Article 5 style security guarantees', ['us-ua-20-5']],
    // "non-proliferation treaties" names treaties; its "non" denies nothing
    ['the peace plan extends the START treaty', ['us-28-17', 'change-arms-control-start-removed']],
  ])('%s → depends on the plan, each plan quoted', (claim, facts) => {
    const answer = check(claim, 'depends_on_plan', facts);
    expect(answer.text).toMatch(/28-point plan/);
    expect(answer.text).toMatch(/20-point plan/);
  });

  it('what every plan says is supported', () => {
    check('ukraine stays non-nuclear under the peace plan', 'supported', ['us-28-18']);
  });

  it("a party's wish is read in the plan it put forward, whoever that plan's points name", () => {
    const answer = check('the Europeans want an 800k army cap', 'supported', ['eu-6-1'], ['800,000']);
    expect(answer.text).not.toMatch(/20-point plan/);
  });

  it("a note on one plan's story decides a claim that names no plan; a capital stands for its government", () => {
    check('trump wanted kyiv to say yes to the 28 points by thanksgiving', 'supported', ['us-28-deadline']);
    check('trump wanted kyiv to accept by thanksgiving', 'supported', ['us-28-deadline']);
    check('Putin said in Bishkek the plan could be a basis for a final settlement', 'supported');
  });

  it("another party's plan does not speak for a party that put plans forward", () => {
    // the E3 counter-proposal (800,000) is Europe's word, not the US's
    check("the US wants Ukraine's army capped at 600k", 'supported');
  });

  it('an unverified account that says otherwise does not tie with a reported fact', () => {
    check('the europeans proposed a european-led force for ukraine', 'supported', ['eu-6']);
  });

  it("a note's figures are its own, not those it cites of another plan", () => {
    // "800,000 instead of the 28-point draft's 600,000"
    check('the europeans proposed a 600k cap', 'contradicted');
    check('the Europeans want a 600k army cap', 'contradicted');
  });

  it("a note that gives another document's text (the E3 counter-proposal) does not speak for the Berlin statement", () => {
    const answer = answerFactcheck(core, 'the berlin statement promises ukraine nato membership by 2030');
    expect(answer.verdict).not.toBe('supported');
    // it is still Europe's word
    check('the Europeans want an 800k army cap', 'supported');
  });

  it('a party merely mentioned does not speak through its plan', () => {
    check("trump's plan says US fighter jets will be based in poland", 'contradicted', ['us-28-9']);
  });
});

describe('people, places, dates and roles', () => {
  it.each([
    ["Yermak led Ukraine's team in Geneva in November 2025", 'supported'],
    ["Umerov led Ukraine's team in Geneva in November 2025", 'contradicted'],
    // each side's leader: Yermak led Ukraine's team there, which does not deny that Rubio led the US one
    ['Rubio led the US team in Geneva in November 2025', 'supported'],
    ['the Peace Council in the 20-point plan is chaired by Putin', 'contradicted'],
    ['the 20-point plan has a Peace Council chaired by Trump', 'supported'],
    ['Trump and Putin met in Anchorage in August 2025', 'supported'],
    ['Trump and Putin met in Anchorage in March 2025', 'contradicted'],
    ['the first trilateral talks were held in Istanbul in January 2026', 'contradicted'],
    ["under Trump's plan Russia gets $100bn of frozen assets", 'contradicted'],
    ['the Berlin statement has Russia leading the multinational force', 'contradicted'],
    ['the Berlin statement backs a Russian-led force', 'contradicted'],
    ['Russia demands all of Donbas', 'supported'],
    // a person acts for their party: "the US wrote it" does not deny that its envoy wrote it
    ['the US 28-point framework was penned by Witkoff', 'supported'],
    ['Kushner and Witkoff authored the 28-point proposal', 'supported'],
    ['the 28-point proposal was authored by Ukraine', 'contradicted'],
    // a note that tells of several rounds: a round put off in March does not deny one held in January
    ['the opening trilateral round took place in Abu Dhabi in January 2026', 'supported'],
    ['three-way US-Russia-Ukraine talks happened in Abu Dhabi in January 2026', 'supported'],
    // an offer to meet is not a meeting; the offer itself is what the sources record
    ['Zelensky and Putin met face to face in June 2026', 'contradicted'],
    // a fact about the one the claim names, with no rival for the role, does not leave the role open
    ['Zelensky penned a letter to Putin in June 2026', 'supported'],
    ['Zelensky penned a letter to Trump in June 2026', 'contradicted'],
    // the Kremlin named Moscow as the only venue
    ['Peskov said a Putin-Zelensky summit could be held in Minsk', 'contradicted'],
    ['in June 2026 Zelensky offered Putin a meeting at the G7', 'supported'],
    // Kyiv wanting a meeting abroad is not a meeting abroad
    ['Zelensky and Putin met outside Russia', 'not_in_sources'],
  ] as const)('%s → %s', (claim, verdict) => {
    check(claim, verdict);
  });
});

describe('the fact that says otherwise most directly', () => {
  it('for a figure: the fact about what the claim names, not another occasion with that figure', () => {
    check('Trump and Putin talked in Alaska for two full days', 'contradicted', [], ['three hours']);
  });

  it('a recorded disagreement about another occasion does not dispute a claim dated elsewhere', () => {
    const answer = answerFactcheck(core, 'the Geneva round in February 2026 lasted a week');
    expect(answer.verdict).not.toBe('disputed');
  });
});

describe('who led a delegation, on the occasion the claim dates', () => {
  it('answers with the one who led that round, not a leader of another round at the same place', () => {
    check(
      'Kushner headed the Russian negotiators in Geneva in February 2026',
      'contradicted',
      [],
      ['Medinsky'],
    );
  });

  it('"Russia led by Kostyukov; Ukraine by Umerov and Budanov": each side\'s leaders lead', () => {
    check("umerov led ukraine's delegation in abu dhabi in january 2026", 'supported', [
      'ev-2026-01-23-abu-dhabi-round-1',
    ]);
  });

  it("a person who acts for one side does not lead another side's delegation", () => {
    check("umerov led russia's delegation in abu dhabi in january 2026", 'contradicted');
    check("kostyukov led ukraine's delegation in abu dhabi in january 2026", 'contradicted');
  });
});

describe('conflicts the fact sheet records (its J list), as structured disagreements', () => {
  it.each([
    ['the counter proposal of the E3 had 27 points', ['27 points', '28 points']],
    ['in January 2026 Budanov still headed military intelligence', ['Presidential Office']],
    ['the Kremlin was handed the 20-point draft', ['Lavrov', 'Peskov']],
  ])('%s → disputed, every account shown', (claim, accounts) => {
    check(claim, 'disputed', [], accounts);
  });

  it('does not dispute a claim about the same occasion on another detail', () => {
    check('Yermak headed the Ukrainian team at the Geneva talks in November 2025', 'supported');
  });

  it('a claim that reports what one side said is not itself in dispute', () => {
    check('Lavrov stated that Moscow never received the 20-point draft', 'supported');
    check('Lavrov claimed no 20-point plan ever reached Moscow', 'supported');
  });
});

describe("a plan's note that denies what was reported of it", () => {
  it('"Some media claimed X. These items are not in the published text" denies X for the plan', () => {
    check('the peace plan makes russian an official language in ukraine', 'contradicted', [
      'us-28-not-in-text',
    ]);
  });
});

describe('two recorded events are two occasions', () => {
  it("another event's figure does not leave the event the claim names undecided", () => {
    check('the anchorage summit lasted about three hours', 'supported', ['ev-2025-08-15-anchorage-summit']);
  });
});

describe('which account a claim repeats', () => {
  it('the words the accounts disagree on decide it, however many other words the accepted one shares', () => {
    check('the 28-point plan recognises crimea as russian de jure', 'disputed', [], ['de facto']);
    check('the 28-point plan recognises crimea as russian de facto', 'supported', ['us-28-21']);
  });
});

describe('sources that disagree', () => {
  it('the 20-point plan and the $100bn of frozen assets: every account is shown with its sources', () => {
    const answer = check('the 20-point plan uses $100bn of frozen Russian assets', 'disputed');
    const sources = new Set(answer.citations.map((c) => c.sourceId));
    expect(sources).toContain('community-summary');
    expect(sources).toContain('parley-explainer');
  });

  it.each([
    'the 20-point plan contains a US-Russia free trade agreement',
    "Ukraine's army is about one million",
    'Russia controls about 70% of Donetsk oblast',
    'the kyiv strike pause ended on 3 feb',
  ])('%s → disputed', (claim) => {
    const answer = check(claim, 'disputed');
    expect(answer.sections.filter((s) => s.heading.startsWith('Account ')).length).toBeGreaterThanOrEqual(2);
  });

  it('an account the fact sheet judges an error does not dispute the accepted one', () => {
    check("Trump's plan recognises Crimea, Luhansk and Donetsk as de facto Russian", 'supported', [
      'us-28-21',
    ]);
  });

  it('the 28-point figure is not disputed because a source disagrees about the 20-point plan', () => {
    check('the 28-point plan uses $100bn of frozen Russian assets', 'supported', ['us-28-14']);
    check('the 28-point plan recognises Crimea as Russian', 'supported', ['us-28-21']);
  });
});

describe('claims it must refuse to judge', () => {
  it.each([
    'the plan legalises cannabis',
    'Ukraine gets the world cup',
    'the Chinese plan calls for a ceasefire',
    // the Council of Europe is one body, not the Peace Council plus Europe
    'the 28 point plan made ukraine leave the council of europe',
    'NATO NATO NATO NATO',
    '600,000',
    'the plan ends the war',
    'point 6 of the 28-point plan bans NATO membership',
    'the 20-point plan restores direct flights between Moscow and Kyiv',
    'the peace deal makes Ukraine adopt the euro',
  ])('%s → not in the sources', (claim) => {
    const answer = check(claim, 'not_in_sources');
    expect(answer.status).toBe('not_found');
    for (const id of answer.suggestions) expect(core.index.entry(id)).toBeDefined();
  });

  it('never judges empty, over-long or control-character input', () => {
    for (const claim of ['', '   ', '\u200b', 'x'.repeat(301), 'nato\u0000ban', undefined]) {
      const answer = answerFactcheck(core, claim);
      expect(answer.verdict).toBe('not_in_sources');
      expect(answer.status).toBe('error');
    }
  });

  it('ignores mentions around a claim', () => {
    check('@everyone <@123456789012345678> the plan bans Ukraine from NATO', 'depends_on_plan');
  });
});

describe('every answer', () => {
  const claims = [
    "the 20-point plan caps Ukraine's army at 600,000",
    'the plan bans Ukraine from NATO',
    'the 20-point plan uses $100bn of frozen Russian assets',
    'the plan legalises cannabis',
    'the 20-point plan does not include an amnesty',
    'witkoff and kushner met putin in moscow on 2 dec',
  ];

  it.each(claims)('says the verdict in plain words first, then the evidence it rests on: %s', (claim) => {
    const answer = answerFactcheck(core, claim);
    expect(answer.title).toMatch(/^Fact-check: /);
    const [first, second] = answer.text.split('\n');
    expect(first).toMatch(
      /^\*\*(Supported|Contradicted|Depends on the plan|Disputed|Not in the sources):\*\*/,
    );
    expect(second).toMatch(
      /^The sources (support|say otherwise|disagree|do not cover)|^It depends on which plan/,
    );
    expect(answer.text).not.toMatch(/depends_on_plan|not_in_sources/);
    for (const id of answer.factIds) expect(core.kb.facts.has(id), id).toBe(true);
    if (answer.verdict !== 'not_in_sources') expect(answer.citations.length).toBeGreaterThan(0);
    for (const section of answer.sections) expect(section.text.length).toBeGreaterThan(0);
  });

  it('is the same for the same claim', () => {
    for (const claim of claims) expect(answerFactcheck(core, claim)).toEqual(answerFactcheck(core, claim));
  });
});

describe('never the wrong direction', () => {
  it.each([
    // where and when a plan was made: the plan's own record of its making decides
    ['the 20-point plan was released in Moscow', 'contradicted', 'us-ua-20-briefing-date'],
    ['the Berlin statement was issued on 1 March', 'contradicted', 'eu-6-context'],
    ['the Berlin statement was published on 15 Dec', 'supported', 'eu-6-context'],
    // a stalled process reads like one "on hold"
    [
      'the trilateral talks stalled because of the war on Iran',
      'supported',
      'ev-2026-03-04-talks-on-hold-iran-war',
    ],
    // an outcome the event denies ("there was no deal", "the signing was called off")
    ['at the alaska summit trump and putin reached a deal', 'contradicted', 'ev-2025-08-15-anchorage-summit'],
    ['the prosperity deal was signed at davos', 'contradicted', 'ev-2026-01-20-davos-signing-called-off'],
    ['the anchorage summit produced no deal', 'supported', 'ev-2025-08-15-anchorage-summit'],
  ] as const)('%s → %s', (claim, verdict, fact) => {
    check(claim, verdict, [fact]);
  });

  it.each([
    // a point about something else (compensation for a guarantee) does not refute a claim about reparations
    'the 28-point plan makes Ukraine pay Russia war reparations',
  ])('%s → not in the sources', (claim) => {
    check(claim, 'not_in_sources');
  });
});

describe('a recorded disagreement on the day the claim names', () => {
  it('is disputed though an event of that day gives one account', () => {
    check(
      'on 25 May the Russian Foreign Ministry warned foreigners to leave Kyiv',
      'disputed',
      [],
      ['Foreign Ministry', 'Defence Ministry'],
    );
  });
});

describe('membership of an alliance, however a claim words it', () => {
  it('"bans Ukraine from NATO" rests on the membership bar and its removal, not on NATO troops', () => {
    const answer = check('the plan bans Ukraine from NATO', 'depends_on_plan', [
      'us-28-7',
      'change-nato-membership-ban-removed',
    ]);
    expect(answer.factIds).not.toContain('us-28-8');
    check('Ukraine is barred from NATO under the 28-point plan', 'supported', ['us-28-7']);
    check('the 20 point plan bans ukraine from nato', 'contradicted', ['change-nato-membership-ban-removed']);
    // NATO's troops are another matter
    check('the 28 point plan keeps nato troops out of ukraine', 'supported', ['us-28-8']);
  });
});

describe('"gets to" is leave to do something, not receiving', () => {
  it("does not put the claim's subject in the role of a recipient", () => {
    check('russia gets to keep crimea under the 28 point plan', 'supported', ['us-28-21']);
    check('ukraine gets to keep its army at 800k under the 20 point plan', 'supported', ['us-ua-20-4']);
  });
});

describe('the same act in other words', () => {
  it('"may not block" ships is the 20-point plan\'s "not to impede" shipping', () => {
    check('russia may not block ukrainian ships on the dnipro under the 20pt plan', 'supported', [
      'us-ua-20-16',
    ]);
  });
});

describe('claims in Ukrainian and Russian', () => {
  it('are read in the words the lexicon translates them into, plan names in their word order included', () => {
    check('По плану из 20 пунктов армия Украины в мирное время — 800 тысяч', 'supported', ['us-ua-20-4']);
    check('у плані Трампа Росію запрошують назад до G8', 'supported', ['us-28-13']);
  });
});
