/** The real-world corpus, share 3 of 4 (corpus.ts: corpusShares; the split is tested in real-world.test.ts). */
import { defineCorpusShare } from "./corpus.js";

defineCorpusShare(2);
