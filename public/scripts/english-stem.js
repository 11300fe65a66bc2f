// The Snowball English stemmer (Porter2, snowballstem.org/algorithms/english/stemmer.html): the one Pagefind
// stems English words with when it indexes and searches. The search page uses it to tell which bundle of the
// index found a word itself and which one answered with a stand-in (public/scripts/search.js).

const VOWELS = "aeiouy";
const isVowel = (letter) => VOWELS.includes(letter);
const DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];
const LI_ENDINGS = "cdeghkmnrt";

/** Words the algorithm leaves to a list, before it starts. */
const EXCEPTIONS = {
  skis: "ski",
  skies: "sky",
  dying: "die",
  lying: "lie",
  tying: "tie",
  idly: "idl",
  gently: "gentl",
  ugly: "ugli",
  early: "earli",
  only: "onli",
  singly: "singl",
  sky: "sky",
  news: "news",
  howe: "howe",
  atlas: "atlas",
  cosmos: "cosmos",
  bias: "bias",
  andes: "andes",
};

/** Words left as they are after step 1a. */
const INVARIANT_AFTER_1A = new Set(["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]);

const STEP_2 = [
  ["ization", "ize"],
  ["ational", "ate"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["tional", "tion"],
  ["biliti", "ble"],
  ["lessli", "less"],
  ["entli", "ent"],
  ["ation", "ate"],
  ["alism", "al"],
  ["aliti", "al"],
  ["ousli", "ous"],
  ["iviti", "ive"],
  ["fulli", "ful"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["abli", "able"],
  ["izer", "ize"],
  ["ator", "ate"],
  ["alli", "al"],
  ["bli", "ble"],
  ["ogi", "og"],
  ["li", ""],
];

const STEP_3 = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["alize", "al"],
  ["icate", "ic"],
  ["iciti", "ic"],
  ["ative", ""],
  ["ical", "ic"],
  ["ness", ""],
  ["ful", ""],
];

const STEP_4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"];

/** Where the region after the first non-vowel that follows a vowel starts, from `from` on. */
function regionAfter(word, from) {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  }
  return word.length;
}

/** A short syllable ends at `end` (exclusive): non-vowel, vowel, non-vowel but w, x or Y; or vowel, non-vowel at the start. */
function endsInShortSyllable(word, end = word.length) {
  if (end === 2) return isVowel(word[0]) && !isVowel(word[1]);
  const [a, b, c] = [word[end - 3], word[end - 2], word[end - 1]];
  return a !== undefined && !isVowel(a) && isVowel(b) && !isVowel(c) && !"wxY".includes(c);
}

/** `word` (lower case, letters and apostrophes) stemmed as Pagefind's English index stems it. */
export function stem(input) {
  let word = input.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  if (word.length <= 2) return word;
  if (EXCEPTIONS[word]) return EXCEPTIONS[word];
  if (word.startsWith("'")) word = word.slice(1);
  // Prelude: a y that acts as a consonant is Y.
  if (word.startsWith("y")) word = `Y${word.slice(1)}`;
  word = word.replace(/([aeiouy])y/g, "$1Y");

  const prefix = /^(gener|commun|arsen)/.exec(word);
  const r1 = prefix ? prefix[0].length : regionAfter(word, 0);
  const r2 = regionAfter(word, r1);
  const inR1 = (suffix) => word.length - suffix.length >= r1;
  const inR2 = (suffix) => word.length - suffix.length >= r2;
  const ends = (suffix) => word.endsWith(suffix);
  const cut = (length) => (word = word.slice(0, word.length - length));

  // Step 0: apostrophes.
  for (const suffix of ["'s'", "'s", "'"]) {
    if (ends(suffix)) {
      cut(suffix.length);
      break;
    }
  }

  // Step 1a.
  if (ends("sses")) cut(2);
  else if (ends("ied") || ends("ies")) word = word.slice(0, -3) + (word.length > 4 ? "i" : "ie");
  else if (ends("us") || ends("ss")) {
    // Left as it is.
  } else if (ends("s") && /[aeiouy]/.test(word.slice(0, -2))) cut(1);

  if (INVARIANT_AFTER_1A.has(word)) return word;

  // Step 1b.
  const step1b = ["eedly", "ingly", "edly", "eed", "ing", "ed"].find(ends);
  if (step1b === "eed" || step1b === "eedly") {
    if (inR1(step1b)) word = `${word.slice(0, -step1b.length)}ee`;
  } else if (step1b && /[aeiouy]/.test(word.slice(0, -step1b.length))) {
    cut(step1b.length);
    if (ends("at") || ends("bl") || ends("iz")) word += "e";
    else if (DOUBLES.some(ends)) cut(1);
    else if (r1 >= word.length && endsInShortSyllable(word)) word += "e";
  }

  // Step 1c.
  if (/[^aeiouy][yY]$/.test(word) && word.length > 2) word = `${word.slice(0, -1)}i`;

  // Step 2.
  const step2 = STEP_2.find(([suffix]) => ends(suffix));
  if (step2 && inR1(step2[0])) {
    const [suffix, replacement] = step2;
    if (suffix === "ogi") {
      if (word[word.length - 4] === "l") word = `${word.slice(0, -3)}og`;
    } else if (suffix === "li") {
      if (LI_ENDINGS.includes(word[word.length - 3] ?? "")) cut(2);
    } else word = word.slice(0, -suffix.length) + replacement;
  }

  // Step 3.
  const step3 = STEP_3.find(([suffix]) => ends(suffix));
  if (step3 && inR1(step3[0])) {
    const [suffix, replacement] = step3;
    if (suffix !== "ative" || inR2(suffix)) word = word.slice(0, -suffix.length) + replacement;
  }

  // Step 4.
  const step4 = STEP_4.find(ends);
  if (step4 && inR2(step4)) {
    if (step4 !== "ion" || "st".includes(word[word.length - 4] ?? "")) cut(step4.length);
  }

  // Step 5.
  if (ends("e")) {
    if (inR2("e") || (inR1("e") && !endsInShortSyllable(word, word.length - 1))) cut(1);
  } else if (ends("ll") && inR2("l")) cut(1);

  return word.replace(/Y/g, "y");
}
