// The search page's English stemmer against Snowball's own sample of Porter2 (snowballstem.org: voc.txt and
// output.txt), the stemmer Pagefind indexes English with.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const { stem } = (await import(pathToFileURL(path.resolve("public/scripts/english-stem.js")).href)) as { stem(word: string): string };

const SNOWBALL: Record<string, string> = {
  consign: "consign", consigned: "consign", consigning: "consign", consignment: "consign", consist: "consist",
  consisted: "consist", consistency: "consist", consistent: "consist", consistently: "consist", consisting: "consist",
  consists: "consist", consolation: "consol", consolations: "consol", consolatory: "consolatori", console: "consol",
  consoled: "consol", consoles: "consol", consolidate: "consolid", consolidated: "consolid", consolidating: "consolid",
  consoling: "consol", consolingly: "consol", consols: "consol", consonant: "conson", consort: "consort",
  consorted: "consort", consorting: "consort", conspicuous: "conspicu", conspicuously: "conspicu",
  conspiracy: "conspiraci", conspirator: "conspir", conspirators: "conspir", conspire: "conspir", conspired: "conspir",
  conspiring: "conspir", constable: "constabl", constables: "constabl", constance: "constanc", constancy: "constanc",
  constant: "constant", knack: "knack", knackeries: "knackeri", knacks: "knack", knag: "knag", knave: "knave",
  knaves: "knave", knavish: "knavish", kneaded: "knead", kneading: "knead", knee: "knee", kneel: "kneel",
  kneeled: "kneel", kneeling: "kneel", kneels: "kneel", knees: "knee", knell: "knell", knelt: "knelt", knew: "knew",
  knick: "knick", knif: "knif", knife: "knife", knight: "knight", knightly: "knight", knights: "knight", knit: "knit",
  knits: "knit", knitted: "knit", knitting: "knit", knives: "knive", knob: "knob", knobs: "knob", knock: "knock",
  knocked: "knock", knocker: "knocker", knockers: "knocker", knocking: "knock", knocks: "knock", knopp: "knopp",
  knot: "knot", knots: "knot",
};

describe("the English stemmer", () => {
  it("stems Snowball's sample words as Snowball does", () => {
    const stemmed = Object.fromEntries(Object.keys(SNOWBALL).map((word) => [word, stem(word)]));
    expect(stemmed).toEqual(SNOWBALL);
  });

  it("gives the forms of a word one stem, whatever their letters", () => {
    for (const forms of [
      ["connection", "connected", "connecting", "connect"],
      ["running", "run", "runs"],
      ["happiness", "happy"],
      ["flies", "fly"],
      ["tried", "try", "tries"],
      ["stopped", "stop", "stopping"],
      ["harbour", "harbours", "harbour's", "harbour\u2019s"],
      ["keeping", "keeps", "keep"],
    ]) {
      expect(new Set(forms.map(stem)), forms.join(", ")).toHaveProperty("size", 1);
    }
    expect(stem("generalization").startsWith(stem("general"))).toBe(true);
  });
});
