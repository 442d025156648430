/**
 * The node keeps nothing between executions: queue mode runs it on many workers, each running many executions
 * with the same loaded module, so a cache, a learned clock offset or a pacer at module level would leak from one
 * execution (or one customer's credential) into the next.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { findModuleState } from '../harness/moduleState';

const root = path.resolve(__dirname, '../..');

function shippedSources(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const full = path.join(folder, name);
		if (statSync(full).isDirectory()) return shippedSources(full);
		return full.endsWith('.ts') && !full.endsWith('.spec.ts') ? [full] : [];
	});
}

const source = (text: string) => [{ path: 'snippet.ts', text }];

describe('module-level state', () => {
	it('is absent from the shipped sources (nodes/, credentials/)', () => {
		const files = ['nodes', 'credentials'].flatMap((folder) => shippedSources(path.join(root, folder)));
		expect(files.length).toBeGreaterThan(10);
		expect(findModuleState(files.map((file) => ({ path: path.relative(root, file), text: readFileSync(file, 'utf8') })))).toEqual([]);
	});

	it.each([
		['a module-level let', 'let offsetMs = 0;\nexport const read = () => offsetMs;', ['snippet.ts:1: module-level variable "offsetMs"']],
		['a cache filled by a function', 'const cache = new Map<string, number>();\nexport function remember(key: string) {\n\tcache.set(key, 1);\n}', ['snippet.ts:3: changes module-level "cache"']],
		['a list that grows', 'const seen: string[] = [];\nexport const note = (id: string) => seen.push(id);', ['snippet.ts:2: changes module-level "seen"']],
		['a counter in an object', 'const stats = { calls: 0 };\nexport function count() {\n\tstats.calls++;\n}', ['snippet.ts:3: changes module-level "stats"']],
		['a field written through an assignment', 'const clock = { offset: 0 };\nexport function learn(ms: number) {\n\tclock.offset = ms;\n}', ['snippet.ts:3: changes module-level "clock"']],
		['a static field', 'export class Signer {\n\tstatic lastOffset = 0;\n}', ['snippet.ts:2: static field "lastOffset"']],
		[
			'a shared pacer',
			'class Pacer {\n\tprivate next = 0;\n\twait() {\n\t\treturn this.next;\n\t}\n}\nconst pacer = new Pacer();\nexport const wait = () => pacer.wait();',
			['snippet.ts:7: module-level instance of Pacer "pacer"'],
		],
	])('flags %s', (_name, text, findings) => {
		expect(findModuleState(source(text))).toEqual(findings);
	});

	it.each([
		['a constant lookup table', "const RETRYABLE = new Set(['Throttling']);\nexport const retryable = (code: string) => RETRYABLE.has(code);"],
		['a pacer made per execution', 'class Pacer {\n\tprivate next = 0;\n}\nexport function run() {\n\tconst pacer = new Pacer();\n\treturn pacer;\n}'],
		['a readonly static table', 'export class Codes {\n\tstatic readonly THROTTLING = /^Throttling/;\n}'],
	])('lets %s be', (_name, text) => {
		expect(findModuleState(source(text))).toEqual([]);
	});
});
