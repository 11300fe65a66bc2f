// Jekyll's `{% include_relative notes/aside.md param="…" %}`: a file from the page's own folder, with its
// parameters as `include.*` like `{% include %}`. Liquid's include with a "./" path, since Eleventy renders each
// page with its folder as a root; Jekyll refuses `..` and `./` in the path, and so does quire.
import { IncludeTag, type Liquid, type TagToken, type TopLevelToken } from "liquidjs";

/** Jekyll's include_relative INVALID_SEQUENCES: a path may not climb out of the page's folder. */
const INVALID_SEQUENCES = /[./]{2,}/;

type Parser = ConstructorParameters<typeof IncludeTag>[3];

/** The tag, for `liquid.registerTag("include_relative", …)`; needs `dynamicPartials: false`, as Jekyll's includes do. */
export class IncludeRelativeTag extends IncludeTag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid, parser: Parser) {
    super(token, remainTokens, liquid, parser);
    const self = this as unknown as { file: unknown };
    const file = typeof self.file === "string" ? self.file : "";
    if (file === "" || INVALID_SEQUENCES.test(file) || file.startsWith("/")) {
      throw new Error(`include_relative "${file}": name the file by its path from the page's own folder, without "..", "./" or a leading "/"`);
    }
    // Read as written, relative to the page (Liquid's relative reference; the page's folder is one of its roots).
    self.file = `./${file}`;
  }
}
