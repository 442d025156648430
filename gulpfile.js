const { readdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { task, src, dest, parallel } = require('gulp');

const packageJson = require('./package.json');

/** n8n Cloud allows a community package no runtime dependency: only n8n-workflow (n8n's own copy) stays outside. */
const EXTERNAL = ['n8n-workflow'];
const NOTICES_FILE = 'THIRD-PARTY-NOTICES.md';

/** Copies what tsc does not compile, beside the bundles: icons, and each node's codex file (`*.node.json`). */
function copyStatic() {
	const copies = ['nodes', 'credentials'].map(
		(folder) =>
			new Promise((resolve, reject) => {
				src([`${folder}/**/*.{png,svg}`, `${folder}/**/*.node.json`], { encoding: false })
					.pipe(dest(path.resolve('dist', folder)))
					.on('finish', resolve)
					.on('error', reject);
			}),
	);
	// Finish only when both copies have: the classic starter returned just one of its two streams.
	return Promise.all(copies);
}

/** The files n8n loads, as package.json's `n8n` section lists them, each mapped to its TypeScript source. */
function entryPoints() {
	const { nodes = [], credentials = [] } = packageJson.n8n;
	return Object.fromEntries(
		[...nodes, ...credentials].map((file) => {
			const out = file.replace(/^dist\//, '').replace(/\.js$/, '');
			return [out, `${out}.ts`];
		}),
	);
}

/** The folders of the npm packages whose code ended up in a bundle, read off esbuild's metafiles. */
function bundledPackages(metafiles) {
	const folders = new Set();
	for (const output of metafiles.flatMap((metafile) => Object.values(metafile.outputs))) {
		for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
			const match = /^(?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+/.exec(input);
			if (match && bytesInOutput > 0) folders.add(match[0]);
		}
	}
	return [...folders].sort();
}

/** Ships the licence of every bundled package with the bundles, as their licences require. */
function writeNotices(packageFolders) {
	const sections = packageFolders.map((folder) => {
		const { name, version, license, author } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
		const licenceFile = readdirSync(folder).find((file) => /^licen[cs]e/i.test(file));
		const licenceText = licenceFile
			? readFileSync(path.join(folder, licenceFile), 'utf8').trim()
			: `${license}, by ${typeof author === 'string' ? author : author?.name} (the package ships no licence file)`;
		return `## ${name} ${version} (${license})\n\n\`\`\`\n${licenceText}\n\`\`\``;
	});
	const intro = `# Third-party notices\n\nThe files in dist/ bundle code from these npm packages, under these licences.`;
	writeFileSync(path.join('dist', NOTICES_FILE), [intro, ...sections].join('\n\n') + '\n');
}

/**
 * Libraries the package bundles (devDependencies, since n8n Cloud allows no runtime dependency), each built once into
 * dist/vendor/ and shared by every entry point instead of being copied into each, with the names our sources import
 * (so that the rest of the library is left out).
 */
const VENDORED = { 'fast-xml-parser': ['XMLParser'] };

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'es2022', metafile: true, logLevel: 'warning' };

/** Points an entry point's imports of a vendored library at its one copy, relative to where the entry's bundle lands. */
const useVendored = (outFile) => ({
	name: 'use-vendored',
	setup(build) {
		build.onResolve({ filter: new RegExp(`^(${Object.keys(VENDORED).join('|')})$`) }, ({ path: library }) => {
			const relative = path.relative(path.dirname(outFile), path.join('dist', 'vendor', `${library}.js`));
			return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
		});
	},
});

/** One CommonJS file per node and credential (only n8n-workflow and the vendored libraries stay outside it). */
async function bundle() {
	const entries = Object.entries(entryPoints()).map(([out, source]) =>
		esbuild.build({
			...common,
			entryPoints: [source],
			outfile: path.join('dist', `${out}.js`),
			external: EXTERNAL,
			plugins: [useVendored(path.join('dist', `${out}.js`))],
		}),
	);
	// Imported as our sources import it (the package's ES modules and its dependencies one by one, not its prebuilt
	// CommonJS file), so that the metafile names every package whose code ships, for the notices.
	const vendored = Object.entries(VENDORED).map(([library, names]) =>
		esbuild.build({
			...common,
			stdin: { contents: `export { ${names.join(', ')} } from '${library}';`, resolveDir: __dirname, sourcefile: `vendor/${library}.js` },
			outfile: path.join('dist', 'vendor', `${library}.js`),
		}),
	);
	const results = await Promise.all([...entries, ...vendored]);
	writeNotices(bundledPackages(results.map((result) => result.metafile)));
}

task('build', parallel(copyStatic, bundle));
