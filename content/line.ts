// Elements in arrival order: add at the back, take the oldest from the front, remove any. A Set
// alone would do, but taking from the front of a Set that keeps losing its first entries walks
// over every deleted slot each time (quadratic under a flood); here removal is lazy instead.

export class Line<T> {
  private items: T[] = [];
  private head = 0;
  private readonly members = new Set<T>();

  get size(): number {
    return this.members.size;
  }

  has(item: T): boolean {
    return this.members.has(item);
  }

  /** Adds at the back; an item already in line keeps its place. */
  add(item: T): void {
    if (this.members.has(item)) return;
    this.members.add(item);
    this.items.push(item);
  }

  delete(item: T): boolean {
    const removed = this.members.delete(item);
    if (this.members.size === 0) this.reset();
    return removed;
  }

  /** Takes the oldest item out of line. */
  shift(): T | undefined {
    while (this.head < this.items.length) {
      const item = this.items[this.head++]!;
      // Skipped: removed since, or a stale earlier place of an item that came back.
      if (this.members.delete(item)) {
        this.compact();
        return item;
      }
    }
    this.reset();
    return undefined;
  }

  /** The items, oldest first (a copy: the line may change while it is read). */
  values(): T[] {
    return [...this.members];
  }

  clear(): void {
    this.members.clear();
    this.reset();
  }

  private compact(): void {
    if (this.members.size === 0) this.reset();
    else if (this.head > 1_024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  private reset(): void {
    this.items = [];
    this.head = 0;
  }
}
