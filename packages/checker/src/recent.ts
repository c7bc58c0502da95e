/**
 * The values made lately, at most `size`, the least recently used going first: what an editor asks
 * again and again (a plan's text, a quote, a line table) without holding all of a large corpus.
 */
export class Recent<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly size: number) {}

  /** The value for `key`, made by `make` when it is not among the recent ones. */
  get(key: K, make: () => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = make();
      if (this.values.size >= this.size) this.values.delete(this.values.keys().next().value!);
    } else {
      this.values.delete(key); // set again below, as the most recent
    }
    this.values.set(key, value);
    return value;
  }

  /** Forgets every value. */
  clear(): void {
    this.values.clear();
  }
}
