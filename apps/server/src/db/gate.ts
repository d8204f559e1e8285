// The one PGlite connection, handed out one holder at a time (a transaction holds it until it
// commits). Waiting requests go before waiting background work. A request's statements come one
// after another with a little JavaScript in between; handing the connection to a background waiter
// at once would make the request wait for a job's statement at each step. So a background waiter
// gets it only after the event loop has had a turn (setImmediate) with no request asking meanwhile.
export type Priority = 'request' | 'background';

export class PriorityGate {
  private held = false;
  private readonly requests: (() => void)[] = [];
  private readonly background: (() => void)[] = [];
  private handing = false;

  acquire(priority: Priority): Promise<void> {
    // a request takes a free connection even while a hand-over to background work is pending
    if (!this.held && (priority === 'request' || (!this.handing && this.requests.length === 0))) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => (priority === 'request' ? this.requests : this.background).push(resolve));
  }

  release(): void {
    const next = this.requests.shift();
    if (next) {
      next(); // stays held, by the next request
      return;
    }
    this.held = false;
    if (this.background.length && !this.handing) {
      this.handing = true;
      setImmediate(() => {
        this.handing = false;
        if (this.held) return; // a request took it meanwhile; its release hands on
        const r = this.requests.shift();
        if (r) {
          this.held = true;
          r();
          return;
        }
        const b = this.background.shift();
        if (b) {
          this.held = true;
          b();
        }
      });
    }
  }

  /** waiting holders, for tests and diagnostics */
  get waiting(): { requests: number; background: number } {
    return { requests: this.requests.length, background: this.background.length };
  }
}
