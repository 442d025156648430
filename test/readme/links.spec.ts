import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.join(__dirname, '../..');
const PAGES = ['README.md', ...readdirSync(path.join(REPO, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];
const text = (page: string) => readFileSync(path.join(REPO, page), 'utf8');

/** The page's text outside fenced code blocks, where a `](…)` is code, not a link. */
const prose = (page: string) => text(page).split(/^```.*$/m).filter((_part, index) => index % 2 === 0).join('\n');

/** The relative targets of the page's Markdown links and images (`[text](target)`), without a title. */
function relativeLinks(page: string): string[] {
	return [...prose(page).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]).filter((target) => !/^[a-z]+:/.test(target));
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
function anchors(page: string): string[] {
	return [...prose(page).matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) =>
		heading
			.toLowerCase()
			.replace(/[^\p{L}\p{N} _-]/gu, '')
			.replace(/ /g, '-'),
	);
}

describe('the README and docs/', () => {
	it.each(PAGES)('%s links only to files and headings that exist', (page) => {
		const broken = relativeLinks(page).filter((target) => {
			const [file, anchor] = target.split('#');
			const linked = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), file)) : page;
			if (!existsSync(path.join(REPO, linked))) return true;
			return anchor !== undefined && linked.endsWith('.md') && !anchors(linked).includes(anchor);
		});
		expect(broken).toEqual([]);
	});

	it('has a README of at most 300 lines, with a "Try it" section and its two commands within the first 80', () => {
		const lines = text('README.md').split('\n');
		if (lines.at(-1) === '') lines.pop();
		expect(lines.length).toBeLessThanOrEqual(300);
		const within = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
		const tryIt = within(/^## Try it$/);
		expect(tryIt).toBeGreaterThanOrEqual(0);
		for (const command of [/^npm start\b/, /^npm test\b/]) {
			const at = within(command);
			expect([at > tryIt, at < 80]).toEqual([true, true]);
		}
	});
});
