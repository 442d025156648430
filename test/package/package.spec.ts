/**
 * The built package as n8n sees it: loaded from dist/ by n8n's own PackageDirectoryLoader through the package.json
 * `n8n` section. Needs `npm run build` first (the test command runs it).
 */
import { PackageDirectoryLoader } from 'n8n-core';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { CCC_NODE_TYPE } from '../harness/runWorkflow';

const root = path.resolve(__dirname, '../..');

function filesUnder(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const full = path.join(folder, name);
		return statSync(full).isDirectory() ? filesUnder(full) : [full];
	});
}

const tsFilesUnder = (folder: string) => filesUnder(folder).filter((file) => file.endsWith('.ts'));

const importsOf = (file: string) =>
	[...readFileSync(file, 'utf8').matchAll(/(?:require\(|from\s+)["']([^"']+)["']/g)].map((match) => match[1]);

describe('the built package', () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
	});

	it('registers the node and the credential under the names the workflows use', () => {
		expect(loader.packageName).toBe('n8n-nodes-alibaba-ccc');
		expect(Object.keys(loader.nodeTypes)).toEqual(['cccReadyForService']);
		expect(Object.keys(loader.credentialTypes)).toEqual(['alibabaCloudCccApi']);
	});

	it('describes the node as users see it: name, icons, codex, tool use, credential', () => {
		const [description] = loader.types.nodes;
		expect(`${loader.packageName}.${description.name}`).toBe(CCC_NODE_TYPE);
		expect(description).toMatchObject({
			displayName: 'CCC ReadyForService',
			name: 'cccReadyForService',
			usableAsTool: true,
			credentials: [{ name: 'alibabaCloudCccApi', required: true }],
			codex: { categories: ['Communication', 'Productivity'], alias: expect.arrayContaining(['agent ready', 'contact center', 'call center']) },
		});
		expect(description.properties.map((property) => property.displayName)).toEqual([
			'Instance ID',
			'Device ID',
			'User ID',
			'Outbound Scenario',
			'Options',
		]);
		// n8n serves icons from the files it resolved at load time.
		const iconUrls = description.iconUrl as { light: string; dark: string };
		expect(Object.keys(iconUrls).sort()).toEqual(['dark', 'light']);
		for (const url of Object.values(iconUrls)) {
			expect(existsSync(path.join(root, url.replace(/^icons\/n8n-nodes-alibaba-ccc\//, '')))).toBe(true);
		}
	});

	it('masks the secret and the STS token in the credential form', () => {
		const [credential] = loader.types.credentials;
		const passwords = credential.properties.filter((property) => property.typeOptions?.password).map((property) => property.name);
		expect(passwords).toEqual(['accessKeySecret', 'securityToken']);
		expect(existsSync(path.join(root, 'dist/credentials/alibabaCloudCcc.svg'))).toBe(true);
	});

	// The shipped files are bundles (see packedPackage.spec.ts); the layering is a property of the sources they bundle.
	it('keeps signing pure: it imports node:crypto and its own files only', () => {
		const signing = tsFilesUnder(path.join(root, 'nodes/AlibabaCloudCcc/signing'));
		expect(signing.length).toBeGreaterThan(5);
		for (const file of signing) {
			expect(importsOf(file).filter((spec) => spec !== 'node:crypto' && !/^\.\/[A-Za-z0-9]+$/.test(spec))).toEqual([]);
		}
	});

	it('points imports one way: node → transport → signing, never back', () => {
		const layers = ['signing', 'auth', 'response', 'transport', 'params', 'execution', 'ReadyForService'];
		const rank = (spec: string) => layers.findIndex((layer) => spec.includes(`/${layer}/`) || spec.startsWith(`../${layer}`));
		for (const file of tsFilesUnder(path.join(root, 'nodes/AlibabaCloudCcc'))) {
			const own = layers.findIndex((layer) => file.includes(`/${layer}/`));
			for (const spec of importsOf(file).filter((candidate) => candidate.startsWith('../'))) {
				expect({ file: path.relative(root, file), spec, lower: rank(spec) < own }).toEqual({ file: path.relative(root, file), spec, lower: true });
			}
		}
	});
});
