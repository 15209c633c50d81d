// The search page's core (Sources/SiteGenerator/Assets/search.js), run by node's test runner
// (`node --test Tests/SearchScript/`, part of `make test`): tokenizing a query as the indexer
// does, typo distance, which term files a word needs, matching, BM25 ranking, excerpts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const core = require('../../Sources/SiteGenerator/Assets/search.js');

const stop = { de: true, la: true, le: true, votre: true };

test('a query splits like the indexer: folded, stop words out, apostrophes and hyphens', () => {
  assert.deepEqual(core.words("Réinitialiser l'Identifiant de votre e-mail", stop),
    ['reinitialiser', 'identifiant', 'mail', 'email']);
  assert.deepEqual(core.words('Passwörter 5 x', {}), ['passworter', '5']);
});

test('distance counts a transposition once and stops past its limit', () => {
  assert.equal(core.distance('pase', 'passe', 1), 1);
  assert.equal(core.distance('motdepsase', 'motdepasse', 2), 1);
  assert.equal(core.distance('abcdef', 'uvwxyz', 2), 3);
});

test('a word is in the file of its longest prefix the manifest has; a typed prefix in every file below it', () => {
  const files = { '': 'all.js' };
  assert.equal(core.fileFor('mot', files), '');
  const split = { re: 'a', rei: 'b', reu: 'c', mo: 'd' };
  assert.equal(core.fileFor('reinitialiser', split), 'rei');
  assert.equal(core.fileFor('rapport', split), null);
  assert.deepEqual(core.filesStarting('re', split).sort(), ['re', 'rei', 'reu']);
});

const chunk = {
  w: { reinitialiser: 0, reinitialisation: 0, passe: 1, mot: 2, modifier: 3 },
  s: [['reinitialis', 2, 'a.1:200 b.0:90'], ['pass', 3, 'a.1:180 a.2:150 b.1:60'], ['mot', 3, 'a.1:170 a.2:140 b.1:50'],
    ['modifi', 1, 'b.0:300']],
};

test('a word the content does not hold finds the longest stem of the index that starts it', () => {
  assert.deepEqual(core.matches('reinitialiserons', false, [chunk]).map(m => [m.word, m.factor]), [['reinitialiser', 0.9]]);
  assert.deepEqual(core.matches('modifications', false, [chunk]).map(m => m.word), ['modifier']);
  assert.deepEqual(core.matches('mots', false, [chunk]).map(m => m.word), [], 'a stem under four letters is no evidence');
});

test('matching: exact, the last word as a prefix, a typo in a long enough word', () => {
  assert.deepEqual(core.matches('passe', false, [chunk]).map(m => m.word), ['passe']);
  assert.deepEqual(core.matches('reinit', true, [chunk]).map(m => [m.word, m.factor]), [['reinitialiser', 0.8]],
    'two words of one stem count once');
  assert.deepEqual(core.matches('pase', false, [chunk]), [], 'four letters: no typo forgiven');
  assert.deepEqual(core.matches('modifer', false, [chunk]).map(m => [m.word, m.factor]), [['modifier', 0.5]]);
});

test('ranking: a document with every word beats one with more of a single word', () => {
  const ranked = core.rank([core.matches('mot', false, [chunk]), core.matches('passe', false, [chunk])], 10);
  assert.equal(ranked[0].doc, 'a.1');
  assert.deepEqual(core.perArticle(ranked, 10).map(r => r.doc), ['a.1', 'b.1']);
});

test('a rare word outranks a common one (idf)', () => {
  const rare = { w: { verrou: 0, compte: 1 }, s: [['verrou', 1, 'x.0:100'], ['compt', 9, 'y.0:100']] };
  const ranked = core.rank([core.matches('verrou', false, [rare]), core.matches('compte', false, [rare])], 10);
  assert.deepEqual(ranked.map(r => r.doc), ['x.0', 'y.0']);
});

test('an excerpt starts near the first word found and marks the words, as text segments', () => {
  const text = 'Lorem ipsum dolor sit amet. '.repeat(6) + 'Saisissez votre mot de passe actuel, puis <b>Enregistrer</b>.';
  const segments = core.excerpt(text, ['passe', 'enregistrer'], 90);
  assert.equal(segments[0][0], '… ');
  assert.ok(segments.some(s => s[1] && s[0] === 'passe'));
  assert.ok(segments.some(s => s[1] && s[0] === 'Enregistrer'));
  assert.ok(segments.every(s => typeof s[0] === 'string'), 'text, never markup: the page makes text nodes');
});

test('an excerpt marks every form of a matched stem the loaded files hold, typos included', () => {
  const perWord = [core.matches('reinitialisation', false, [chunk]), core.matches('modifer', false, [chunk])];
  assert.deepEqual(core.forms(perWord, [chunk]).sort(), ['modifier', 'reinitialisation', 'reinitialiser']);
  const text = 'Pour réinitialiser le mot de passe, modifier le compte.';
  const ranked = core.rank(perWord, 10);
  const marked = core.excerpt(text, ranked[0].words.concat(core.forms(perWord, [chunk])), 90).filter(s => s[1]).map(s => s[0]);
  assert.deepEqual(marked, ['réinitialiser', 'modifier'], 'the form in the text, and the word a typo meant');
  assert.deepEqual(core.excerpt(text, ranked[0].words, 90).filter(s => s[1]).map(s => s[0]), ['modifier'],
    'the matched words alone miss the other form');
});

test('the nearest indexed word for a query that found nothing', () => {
  assert.equal(core.nearest('pasee', [chunk]), 'passe');
  assert.equal(core.nearest('zzzzzzzz', [chunk]), null);
});

test('a query with no result is reported once, normalised, with its locale only', () => {
  const sent = {};
  assert.equal(core.missBody('  Mot   de PASSE oublié ', 'fr', sent), 'query=mot%20de%20passe%20oubli%C3%A9&locale=fr');
  assert.equal(core.missBody('mot de passe OUBLIÉ', 'fr', sent), null, 'already sent from this page');
  assert.equal(core.missBody('   ', 'fr', sent), null, 'blank');
  assert.equal(core.missBody('a'.repeat(101), 'fr', sent), null, 'longer than the collector keeps');
  assert.equal(core.missBody('x&y=z', 'en', sent), 'query=x%26y%3Dz&locale=en', 'escaped as form data');
});

test('a typo still finds its word when a short stem of a rare form starts the typed word', () => {
  // "modifiiez" stems to "modif", which starts "modifer": the typo must still reach "modifier".
  const chunk = { w: { modifier: 0, modifiiez: 1 }, s: [['modifi', 3, 'a.0:100 b.0:90 c.0:80'], ['modif', 1, 'd.1:50']] };
  const found = core.matches('modifer', true, [chunk]).map((m) => m.word).sort();
  assert.deepEqual(found, ['modifier', 'modifiiez']);
});
