/**
 * The built package as n8n sees it: loaded from dist/ by n8n's own PackageDirectoryLoader through the package.json
 * `n8n` section. Needs `npm run build` first (the test command runs it).
 */
import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeProperties } from 'n8n-workflow';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { DEVICE_SOURCE } from '../../nodes/AlibabaCloudCcc/agent/deviceFields';
import { AGENT_STATE_TRIGGER_NODE_TYPE } from '../../scripts/engine/pollTrigger';
import {
	CCC_NODE_TYPE,
	LIST_DEVICES_NODE_TYPE,
	LIST_REALTIME_AGENT_STATES_NODE_TYPE,
	SIGN_IN_GROUP_NODE_TYPE,
	SIGN_OUT_GROUP_NODE_TYPE,
	TAKE_BREAK_NODE_TYPE,
} from '../../scripts/engine/runWorkflow';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
/** dist/nodes/AlibabaCloudCcc/<Folder>/<Class>.node.js → the node's folder, and its name: the class, lower camel case. */
const declaredNodes = manifest.n8n.nodes.map((file) => {
	const className = path.basename(file, '.node.js');
	return { folder: path.basename(path.dirname(file)), name: className[0].toLowerCase() + className.slice(1) };
});
/** The shared layers, lowest first; every node folder sits above them all, and no node imports another. */
const SHARED_LAYERS = ['signing', 'auth', 'response', 'transport', 'params', 'execution', 'agent', 'tool', 'pickers'];

function filesUnder(folder: string): string[] {
	return readdirSync(folder).flatMap((name) => {
		const full = path.join(folder, name);
		return statSync(full).isDirectory() ? filesUnder(full) : [full];
	});
}

const tsFilesUnder = (folder: string) => filesUnder(folder).filter((file) => file.endsWith('.ts'));

/** Whether a property shows at node version `version`, by its `@version` condition (none: every version). */
function shownAt(version: number) {
	return (property: INodeProperties): boolean =>
		(property.displayOptions?.show?.['@version'] ?? [version]).some((condition) =>
			typeof condition === 'number' ? condition === version : 'gte' in condition._cnd && version >= Number(condition._cnd.gte),
		);
}

/** A node's fields as a user sees them at `version`: each label, and [type] where it is a picker. */
const fieldsAt = (properties: INodeProperties[], version: number) =>
	properties.filter(shownAt(version)).map((property) => (property.type === 'resourceLocator' ? `${property.displayName} [picker]` : property.displayName));

const importsOf = (file: string) =>
	[...readFileSync(file, 'utf8').matchAll(/(?:require\(|from\s+)["']([^"']+)["']/g)].map((match) => match[1]);

describe('the built package', () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		loader = new PackageDirectoryLoader(root);
		await loader.loadAll();
	});

	it('registers every node package.json lists, and the credential, under the names the workflows use', () => {
		expect(loader.packageName).toBe('n8n-nodes-alibaba-ccc');
		expect(declaredNodes.map((node) => `${loader.packageName}.${node.name}`)).toEqual([
			CCC_NODE_TYPE,
			LIST_DEVICES_NODE_TYPE,
			TAKE_BREAK_NODE_TYPE,
			SIGN_OUT_GROUP_NODE_TYPE,
			SIGN_IN_GROUP_NODE_TYPE,
			LIST_REALTIME_AGENT_STATES_NODE_TYPE,
			AGENT_STATE_TRIGGER_NODE_TYPE,
		]);
		expect(Object.keys(loader.nodeTypes)).toEqual(declaredNodes.map((node) => node.name));
		expect(Object.keys(loader.credentialTypes)).toEqual(['alibabaCloudCccApi']);
	});

	it.each([
		[
			'cccReadyForService',
			'CCC ReadyForService',
			['Instance ID', 'Device', 'Device ID', 'User ID', 'User ID', 'Outbound Scenario', 'Options', 'Tool Description'],
			['Instance ID [picker]', 'Device', 'User ID [picker]', 'User ID [picker]', 'Device ID [picker]', 'Outbound Scenario', 'If Signed Out', 'Options', 'Tool Description'],
			'agent ready',
		],
		[
			'cccListDevices',
			'CCC ListDevices',
			['Instance ID', 'User ID', 'Options', 'Tool Description'],
			['Instance ID [picker]', 'User ID [picker]', 'Options', 'Tool Description'],
			'agent devices',
		],
		[
			'cccTakeBreak',
			'CCC TakeBreak',
			['Instance ID', 'User ID', 'Break Code', 'Options', 'Tool Description'],
			['Instance ID [picker]', 'User ID [picker]', 'Break Code', 'Options', 'Tool Description'],
			'agent break',
		],
		[
			'cccSignOutGroup',
			'CCC SignOutGroup',
			['Instance ID', 'User ID', 'Options', 'Tool Description'],
			['Instance ID [picker]', 'User ID [picker]', 'Options', 'Tool Description'],
			'end of shift',
		],
		[
			'cccSignInGroup',
			'CCC SignInGroup',
			// A new node: no version 1.
			undefined,
			['Instance ID [picker]', 'User ID [picker]', 'Device', 'Device ID [picker]', 'Skill Groups', 'Additivity', 'Options', 'Tool Description'],
			'agent sign in',
		],
		[
			'cccListRealtimeAgentStates',
			'CCC ListRealtimeAgentStates',
			['Instance ID', 'Agent IDs', 'States', 'Skill Group ID', 'Return All', 'Limit', 'Options', 'Tool Description'],
			['Instance ID [picker]', 'Agent IDs [picker]', 'States', 'Skill Group ID [picker]', 'Return All', 'Limit', 'Options', 'Tool Description'],
			'who is where',
		],
	])('describes %s as users see it: name, fields at versions 1 and 2, icons, codex, tool use, credential', (name, displayName, fieldsOfV1, fieldsOfV2, alias) => {
		const description = loader.types.nodes.find((node) => node.name === name)!;
		expect(description).toMatchObject({
			displayName,
			name,
			usableAsTool: true,
			credentials: [{ name: 'alibabaCloudCccApi', required: true }],
			codex: { categories: ['Communication', 'Productivity'], alias: expect.arrayContaining([alias, 'contact center', 'call center']) },
		});
		expect(description.version).toEqual(fieldsOfV1 ? [1, 2] : 2);
		if (fieldsOfV1) expect(fieldsAt(description.properties, 1)).toEqual(fieldsOfV1);
		expect(fieldsAt(description.properties, 2)).toEqual(fieldsOfV2);
		// n8n serves icons from the files it resolved at load time; each node has its own.
		const iconUrls = description.iconUrl as { light: string; dark: string };
		expect(Object.keys(iconUrls).sort()).toEqual(['dark', 'light']);
		for (const url of Object.values(iconUrls)) {
			expect(url).toContain(`/${name}`);
			expect(existsSync(path.join(root, url.replace(/^icons\/n8n-nodes-alibaba-ccc\//, '')))).toBe(true);
		}
	});

	it('describes CCC Agent State Trigger as n8n wants a polling trigger: no input, not a tool, n8n\'s own Poll Times', () => {
		const description = loader.types.nodes.find((node) => node.name === 'cccAgentStateTrigger')!;
		expect(description).toMatchObject({
			displayName: 'CCC Agent State Trigger',
			polling: true,
			inputs: [],
			group: ['trigger'],
			credentials: [{ name: 'alibabaCloudCccApi', required: true }],
			codex: { categories: ['Communication', 'Productivity'], alias: expect.arrayContaining(['agent signed out', 'contact center']) },
		});
		expect(description.usableAsTool).toBeUndefined();
		// n8n adds Poll Times itself, ahead of the node's own fields.
		expect(fieldsAt(description.properties, 1)).toEqual(['Poll Times', 'Instance ID', 'Agents', 'Agent IDs', 'Skill Group ID', 'Trigger On', 'Break Codes', 'Break Minutes']);
		expect(fieldsAt(description.properties, 2)).toEqual([
			'Poll Times',
			'Instance ID [picker]',
			'Agents',
			'Agent IDs [picker]',
			'Skill Group ID [picker]',
			'Trigger On',
			'Break Codes',
			'Break Minutes',
		]);
		for (const url of Object.values(description.iconUrl as { light: string; dark: string })) expect(url).toContain('/cccAgentStateTrigger');
	});

	it('keeps Device ID the default of CCC ReadyForService, and User ID required only for the lookup', () => {
		const properties = loader.types.nodes.find((node) => node.name === 'cccReadyForService')!.properties;
		const device = properties.find((property) => property.name === 'device')!;
		expect(device.default).toBe(DEVICE_SOURCE.deviceId);
		expect(device.options?.map((option) => ('value' in option ? option.value : undefined)).sort()).toEqual(Object.values(DEVICE_SOURCE).sort());
		for (const version of [1, 2]) {
			const shown = properties.filter(shownAt(version));
			expect(shown.filter((property) => property.name === 'userId').map((property) => [property.required ?? false, property.displayOptions?.show?.device])).toEqual([
				[false, [DEVICE_SOURCE.deviceId]],
				[true, [DEVICE_SOURCE.registeredDevice]],
			]);
			expect(shown.find((property) => property.name === 'deviceId')?.displayOptions?.show?.device).toEqual([DEVICE_SOURCE.deviceId]);
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

	it('keeps the tools apart from the tests: nothing under scripts/ or simulator/ imports test code', () => {
		const tools = ['scripts', 'simulator'].flatMap((folder) => tsFilesUnder(path.join(root, folder)));
		expect(tools.length).toBeGreaterThan(10);
		const intoTests = tools.flatMap((file) =>
			importsOf(file)
				.filter((spec) => spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(path.join(root, 'test') + path.sep))
				.map((spec) => `${path.relative(root, file)}: ${spec}`),
		);
		expect(intoTests).toEqual([]);
	});

	it('points imports one way: node → execution → transport → signing, never back, and no node into another', () => {
		const nodeRank = SHARED_LAYERS.length;
		const rankOf = (folder: string) => (declaredNodes.some((node) => node.folder === folder) ? nodeRank : SHARED_LAYERS.indexOf(folder));
		const rank = (spec: string) => rankOf(spec.split('/')[1] ?? '');
		const files = tsFilesUnder(path.join(root, 'nodes/AlibabaCloudCcc'));
		// The one table of agent states imports nothing, so every layer may read it (response/ for its hints).
		const leaves = [path.join(root, 'nodes/AlibabaCloudCcc/agent/agentStates.ts')];
		for (const leaf of leaves) expect(importsOf(leaf)).toEqual([]);
		const isLeaf = (file: string, spec: string) => leaves.includes(`${path.resolve(path.dirname(file), spec)}.ts`);
		// Every folder is a known layer or a declared node.
		expect([...new Set(files.map((file) => path.basename(path.dirname(file))))].filter((folder) => rankOf(folder) < 0)).toEqual([]);
		for (const file of files) {
			const own = rankOf(path.basename(path.dirname(file)));
			for (const spec of importsOf(file).filter((candidate) => candidate.startsWith('../') && !isLeaf(file, candidate))) {
				expect({ file: path.relative(root, file), spec, lower: rank(spec) < own }).toEqual({ file: path.relative(root, file), spec, lower: true });
			}
		}
	});

	// What the nodes share lives in the shared layers; a node's folder holds its own description, fields and calls.
	it('shares no code between node folders beyond their descriptions: no three lines of one stand in another', () => {
		const RUN = 3;
		const substantial = (line: string) => line.length >= 20 && !/^(import |\/\/|\/\*\*|\*)/.test(line);
		const folderOf = new Map<string, Set<string>>();
		for (const { folder } of declaredNodes) {
			const files = tsFilesUnder(path.join(root, 'nodes/AlibabaCloudCcc', folder)).filter((file) => !file.endsWith('.node.ts'));
			for (const file of files) {
				const lines = readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter(substantial);
				for (let start = 0; start + RUN <= lines.length; start++) {
					const run = lines.slice(start, start + RUN).join('\n');
					folderOf.set(run, new Set([...(folderOf.get(run) ?? []), folder]));
				}
			}
		}
		expect([...folderOf].filter(([, folders]) => folders.size > 1).map(([run, folders]) => `${[...folders].join(' ~ ')}:\n${run}`)).toEqual([]);
	});
});
