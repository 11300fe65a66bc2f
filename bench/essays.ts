// Essay-shaped pages for the benchmark: the shape of the author's essays (a `{:toc}` contents list, ~40
// headings, one thought per line, nested lists, a `<details>` aside, in-page links, a table), with words
// drawn from a seeded generator so every essay differs and no cache can reuse another essay's render.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** mulberry32: small, fast and deterministic per seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `
a about above after again against all almost alone along already also always among an and another any anyone
anything are around art artist as ask at away back bad be because become been before being believe best better
between big bit both brush but by call can canvas care carry case change cheap choose clay colour come could craft
create crisp cut day deal decide deep different do does done down draw drawing each easy edge else end enough even
ever every eye face fact fair far feel few find fine first for found free friend from full get give go good great
hand hard have help here hold home honest hope how human idea if image in ink instead into is it its just keep kind
know large last late later learn least less let life light like line little live long look lose lot make many
matter maybe mean might mind model money more most much must my near need never new next nice no nothing now of
off often old on once one only open or other our out over own page paint paper part people perhaps person picture
place play point practice pretty quick quiet rather read real reason right same say see seem sense shape should
show side simple since sketch skill slow small so some something soon sound start still stop story strange such
sure take talk tell than that the their them then there these thing think this those though thought through time
to too tool try turn under until up use very voice wall want way we well what when where which while who why will
with without word work world worth would write year yet you young
`.trim().split(/\s+/);

/** The address of the n-th essay, as the site publishes it. */
export const essayName = (n: number) => `essay-${String(n).padStart(4, "0")}`;

/** One essay's markdown, about `targetBytes` long, different for every seed; links go to its own headings and to
 * the other `siteSize` essays, all of which exist (a real site has few broken links). */
export function essayText(seed: number, targetBytes = 34_000, siteSize = 1): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(" ");

  const headings: string[] = [];
  const used = new Set<string>();
  while (headings.length < 40) {
    const heading = words(between(2, 5));
    if (!used.has(heading)) headings.push(heading);
    used.add(heading);
  }
  const slug = (heading: string) => heading.replace(/ /g, "-");
  const link = () =>
    random() < 0.5 ? `[${words(2)}](#${slug(pick(headings))})` : `[${words(2)}](/${essayName(between(1, siteSize))}/)`;
  const line = () => {
    const parts = [words(between(6, 14))];
    if (random() < 0.25) parts.push(link());
    if (random() < 0.2) parts.push(`**${words(2)}**`);
    if (random() < 0.15) parts.push(`*${words(1)}*`);
    if (random() < 0.1) parts.push(`\`${words(1)}\``);
    parts.push(words(between(2, 8)));
    return parts.join(" ");
  };
  // One thought per line, as the author writes: a paragraph is several lines with hard wraps.
  const paragraph = () => Array.from({ length: between(2, 5) }, line).join("\n");
  const list = () => {
    const ordered = random() < 0.4;
    const items: string[] = [];
    for (let i = 1; i <= between(3, 6); i++) {
      items.push(`${ordered ? `${i}.` : "-"} ${line()}`);
      if (random() < 0.4) items.push(`\t- ${line()}`);
      if (random() < 0.15) items.push(`\t\t- ${line()}`);
    }
    return items.join("\n");
  };
  const table = () => {
    const rows = [`| ${words(1)} | ${words(1)} | ${words(1)} |`, "| --- | --- | --- |"];
    for (let i = 0; i < between(3, 6); i++) rows.push(`| ${words(2)} | ${words(3)} | ${words(1)} |`);
    return rows.join("\n");
  };
  const aside = () =>
    `<details>\n<summary markdown="span">${words(5)}</summary>\n\n${paragraph()}\n\n${list()}\n\n</details>`;

  const title = words(3);
  const blocks = [
    `---\ntitle: "${title}"\ndate: ${new Date(Date.UTC(2015, 0, 1 + (seed % 3650))).toISOString().slice(0, 10)}\ncolor: "${pick(["deeppurple", "teal", "indigo", "orange", "green"])}"\nexcerpt: "${words(12)}"\n---`,
    "1. \n{:toc}",
    paragraph(),
  ];
  // Blocks overshoot the budget by about half a block each; aim under so the essay lands near the target.
  const sectionBudget = Math.max(200, (targetBytes - 600) / headings.length - 250);
  headings.forEach((heading, index) => {
    blocks.push(`${index % 3 === 0 ? "#" : "##"} ${heading}`);
    let section = 0;
    const add = (block: string) => {
      blocks.push(block);
      section += block.length + 2;
    };
    if (index === 12) add(aside());
    if (index === 20) add(table());
    while (section < sectionBudget) add(random() < 0.25 ? list() : paragraph());
  });
  return `${blocks.join("\n\n")}\n`;
}

/** Writes `count` essays into `folder` (essay-0001.md …) and a small home page; returns their paths. */
export function writeEssays(folder: string, count: number, seed = 1): string[] {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "index.md"), "---\ntitle: essays\n---\n\nessays written by the benchmark.\n");
  const files: string[] = [];
  for (let i = 1; i <= count; i++) {
    const file = path.join(folder, `${essayName(i)}.md`);
    writeFileSync(file, essayText(seed * 100_003 + i, 34_000, count));
    files.push(file);
  }
  return files;
}
