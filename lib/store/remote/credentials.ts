// The caller's own API key of the upstream domain, as every proxy-mode call carries it. The key sits in a private
// field: a principal that reaches a log line, JSON or a client component shows no secret (React refuses class
// instances in props, JSON.stringify gives the placeholder below).
export class UpstreamCredentials {
  readonly #key: string;
  /** Called when the upstream refuses the key (401): a console session built on it ends at once. */
  readonly onRefused: (() => Promise<void>) | null;

  constructor(key: string, options: { onRefused?: () => Promise<void> } = {}) {
    this.#key = key;
    this.onRefused = options.onRefused ?? null;
  }

  /** The Authorization header value the upstream expects (API-CONTRACT.md §1.2). */
  authorization(): string {
    return `Apikey ${this.#key}`;
  }

  /** Whether `secret` is this key (the upstream's key list shows keys in clear on Opendatasoft). */
  is(secret: unknown): boolean {
    return typeof secret === "string" && secret === this.#key;
  }

  /** For POST /apikeys/search_key/, the one call whose body names the key itself. */
  reveal(): string {
    return this.#key;
  }

  toJSON(): string {
    return "[upstream credentials]";
  }
}
