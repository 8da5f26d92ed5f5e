/**
 * Per-document sums for one search, in dense arrays kept from search to search. A base of thousands of
 * facts would otherwise have every query build and probe several maps as long as its postings. A
 * generation stamp marks the slots the current search has written, so nothing is cleared between
 * searches; the documents are listed in the order first touched, the order that later breaks ties.
 */
export class DocAccumulator {
  readonly first: Float64Array;
  readonly second: Float64Array;
  readonly flag: Uint8Array;
  private readonly stamp: Uint32Array;
  private generation = 0;
  touched: number[] = [];

  constructor(size: number) {
    this.first = new Float64Array(size);
    this.second = new Float64Array(size);
    this.flag = new Uint8Array(size);
    this.stamp = new Uint32Array(size);
  }

  /** Starts a new search: every slot reads as untouched. */
  reset(): void {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    this.touched = [];
  }

  has(doc: number): boolean {
    return this.stamp[doc] === this.generation;
  }

  /** Claims the document's slots for this search, zeroed; false if they were claimed already. */
  touch(doc: number): boolean {
    if (this.stamp[doc] === this.generation) return false;
    this.stamp[doc] = this.generation;
    this.first[doc] = 0;
    this.second[doc] = 0;
    this.flag[doc] = 0;
    this.touched.push(doc);
    return true;
  }

  /** The first sum of a document, 0 when this search has not touched it. */
  firstOf(doc: number): number {
    return this.stamp[doc] === this.generation ? this.first[doc]! : 0;
  }

  /** The second sum of a document, 0 when this search has not touched it. */
  secondOf(doc: number): number {
    return this.stamp[doc] === this.generation ? this.second[doc]! : 0;
  }
}
