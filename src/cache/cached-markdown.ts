// The build cache around whatever markdown-it instance createMarkdown() returns: `render` looks the text up
// first and renders only on a miss. The instance itself is kept (Eleventy calls `disable`, `set`… on it).
import type MarkdownIt from "markdown-it";
import type { RenderCache } from "./render-cache.ts";

export interface Options {
  /** Where renders are kept */
  cache: RenderCache;
  /** The parts of the render env (Eleventy's page data) that change the output; none by default, as quire's
   * markdown plugins read only the text. Whatever this returns is part of the key. */
  envKey?: (env: unknown) => string;
  /** Extra JSON kept with each render (e.g. a link checker's ids and links): computed on a miss, handed back on a hit */
  extra?: {
    compute(html: string, env: unknown): unknown;
    restore(value: unknown, env: unknown): void;
  };
}

export const defaults = {
  envKey: () => "",
} satisfies Partial<Options>;

export function cachedMarkdown<M extends MarkdownIt>(md: M, partial: Options): M {
  const options = { ...defaults, ...partial };
  const render = md.render.bind(md);
  md.render = (source: string, env?: unknown) => {
    const key = options.cache.keyFor(source, options.envKey(env));
    const hit = options.cache.read(key);
    if (hit) {
      options.extra?.restore(hit.extra, env);
      return hit.html;
    }
    const html = render(source, env);
    options.cache.write(key, { html, extra: options.extra?.compute(html, env) });
    return html;
  };
  return md;
}
