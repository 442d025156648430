/**
 * Error items on both maintained n8n lines, in n8n's real engine: jest runs this file once with this project's n8n-core
 * 2.41 and once with the installed n8n 1.123's n8n-core 1.x (the "n8n 1.123" project in jest.config.js). Every action
 * node of the package, at every version it declares, with one item that works and one that CCC refuses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IVersionedNodeType, NodeParameterValueType } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CccAgentStateTrigger } from '../../nodes/AlibabaCloudCcc/AgentStateTrigger/CccAgentStateTrigger.node';
import { CccListDevices } from '../../nodes/AlibabaCloudCcc/ListDevices/CccListDevices.node';
import { CccListRealtimeAgentStates } from '../../nodes/AlibabaCloudCcc/ListRealtimeAgentStates/CccListRealtimeAgentStates.node';
import { CccReadyForService } from '../../nodes/AlibabaCloudCcc/ReadyForService/CccReadyForService.node';
import { CccSignInGroup } from '../../nodes/AlibabaCloudCcc/SignInGroup/CccSignInGroup.node';
import { CccSignOutGroup } from '../../nodes/AlibabaCloudCcc/SignOutGroup/CccSignOutGroup.node';
import { CccTakeBreak } from '../../nodes/AlibabaCloudCcc/TakeBreak/CccTakeBreak.node';
import { registerNodeType, runCccWorkflow, type OnError } from '../../scripts/engine/runWorkflow';
import { agent, agentParameters, credentialsFor, useSimulator } from '../harness/simulatorFixture';

/** The n8n-core this run's engine is (the project maps `n8n-core` to one install or the other). */
const engineVersion = (JSON.parse(readFileSync(path.join(path.dirname(require.resolve('n8n-core')), '../package.json'), 'utf8')) as { version: string }).version;
const [engineMajor, engineMinor] = engineVersion.split('.').map(Number);
/** n8n-core 2.36 is the first whose error output takes `{ error, details }` (read off n8n-core 2.35.0 and 2.36.0 on npm). */
const routesDetails = engineMajor > 2 || (engineMajor === 2 && engineMinor >= 36);

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { n8n: { nodes: string[] } };

/** The package's nodes, each once; a test below holds this list to the package.json that n8n loads them from. */
const packageNodes: Array<INodeType | IVersionedNodeType> = [
	new CccReadyForService(),
	new CccListDevices(),
	new CccTakeBreak(),
	new CccSignOutGroup(),
	new CccSignInGroup(),
	new CccListRealtimeAgentStates(),
	new CccAgentStateTrigger(),
];

const descriptionOf = (type: INodeType | IVersionedNodeType): INodeTypeDescription =>
	'nodeVersions' in type ? type.nodeVersions[type.currentVersion].description : type.description;
const versionsOf = (type: INodeType | IVersionedNodeType): number[] =>
	'nodeVersions' in type ? Object.keys(type.nodeVersions).map(Number) : [descriptionOf(type).version].flat();
const isTrigger = (type: INodeType | IVersionedNodeType) => descriptionOf(type).inputs.length === 0;

/** Per node: its parameters, an item CCC answers and the instance it refuses (an unknown one). */
const RUNS: Record<string, { parameters: Record<string, NodeParameterValueType>; item: IDataObject }> = {
	cccReadyForService: { parameters: agentParameters, item: agent('alice@ccc-test') },
	cccListDevices: { parameters: { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', options: {} }, item: { instanceId: 'ccc-test', userId: 'alice@ccc-test' } },
	cccTakeBreak: { parameters: { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', breakCode: 'lunch', options: {} }, item: { instanceId: 'ccc-test', userId: 'bob@ccc-test' } },
	cccSignOutGroup: { parameters: { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', options: {} }, item: { instanceId: 'ccc-test', userId: 'bob@ccc-test' } },
	cccSignInGroup: {
		parameters: { instanceId: '={{ $json.instanceId }}', userId: '={{ $json.userId }}', device: 'registeredDevice', skillGroupIds: [], additivity: false, options: {} },
		item: { instanceId: 'ccc-test', userId: 'grace@ccc-test' },
	},
	cccListRealtimeAgentStates: { parameters: { instanceId: '={{ $json.instanceId }}', agentIds: '', states: [], skillGroupId: '', returnAll: true, options: {} }, item: { instanceId: 'ccc-test' } },
};

const cases = packageNodes
	.filter((type) => !isTrigger(type))
	.flatMap((type) => versionsOf(type).map((version) => ({ name: descriptionOf(type).name, version })));

describe(`error items in n8n's engine (n8n-core ${engineVersion})`, () => {
	const simulator = useSimulator();

	it('covers every node of the package, and every action node here', () => {
		const fileNames = manifest.n8n.nodes.map((file) => path.basename(file, '.node.js'));
		expect(packageNodes.map((type) => type.constructor.name).sort()).toEqual(fileNames.sort());
		expect([...new Set(cases.map(({ name }) => name))].sort()).toEqual(Object.keys(RUNS).sort());
	});

	const run = (name: string, version: number, onError: OnError) => {
		const { parameters, item } = RUNS[name];
		return runCccWorkflow({
			nodeType: `n8n-nodes-alibaba-ccc.${name}`,
			typeVersion: version,
			items: [item, { ...item, instanceId: 'ccc-nope', marker: 'refused' }],
			parameters,
			credentials: credentialsFor(simulator()),
			onError,
		});
	};

	describe.each(cases)('$name v$version', ({ name, version }) => {
		it('"Continue (using error output)": the refused item is on the error output, with Alibaba\'s code, the hint and the RequestId', async () => {
			const result = await run(name, version, 'continueErrorOutput');
			expect(result.workflowError).toBeUndefined();
			expect(result.success.length).toBeGreaterThan(0);
			expect(result.success.every((entry) => entry.json.error === undefined && entry.pairedItem !== undefined)).toBe(true);
			expect(result.errors).toHaveLength(1);
			const [failed] = result.errors;
			expect(failed.pairedItem).toEqual({ item: 1 });
			// n8n adds the input item's fields to an error-output item.
			expect(failed.json).toMatchObject({ instanceId: 'ccc-nope', marker: 'refused', error: expect.stringMatching(/^NotExists\.InstanceId: /) });
			if (routesDetails) {
				expect(failed.json.details).toMatchObject({ code: 'NotExists.InstanceId', httpStatus: 404, requestId: expect.any(String), hint: expect.stringContaining('Instance ID'), itemIndex: 1 });
			} else {
				expect(failed.json.details).toBeUndefined();
				expect(failed.json.message).toEqual(expect.stringContaining('Check the Instance ID'));
				expect(failed.json.message).toMatch(/RequestId: [0-9A-F-]{36}, HTTP status: 404/);
			}
		});

		it('"Continue (using regular output)": the refused item keeps error and details on the main output', async () => {
			const result = await run(name, version, 'continueRegularOutput');
			expect(result.errors).toEqual([]);
			const failed = result.success.filter((entry) => entry.json.error !== undefined);
			expect(failed).toHaveLength(1);
			expect(failed[0].pairedItem).toEqual({ item: 1 });
			expect(failed[0].json).toEqual({
				error: expect.stringMatching(/^NotExists\.InstanceId: /),
				details: expect.objectContaining({ code: 'NotExists.InstanceId', httpStatus: 404, requestId: expect.any(String), itemIndex: 1 }),
			});
		});
	});
});

/** A node of the test's own that returns one given item shape: what n8n itself does with it, on this line. */
class EmitsErrorItem implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Emits Error Item',
		name: 'emitsErrorItem',
		group: ['transform'],
		version: 1,
		description: 'Returns one error item of the shape its parameter names',
		defaults: { name: 'Emits Error Item' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Shape', name: 'shape', type: 'string', default: '' }],
	};

	async execute(this: import('n8n-workflow').IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const json = { error: 'Refused', details: { code: 'NotExists.UserId' } };
		const withError = this.getNodeParameter('shape', 0) === 'with INodeExecutionData.error';
		return [[{ json, pairedItem: { item: 0 }, ...(withError ? { error: new NodeOperationError(this.getNode(), 'Refused') } : {}) }]];
	}
}

describe(`what n8n-core ${engineVersion} does with an error item's shape`, () => {
	beforeAll(() => registerNodeType('test.emitsErrorItem', new EmitsErrorItem()));
	const emit = (shape: string, onError: OnError) =>
		runCccWorkflow({ nodeType: 'test.emitsErrorItem', items: [{ input: 1 }], parameters: { shape }, credentials: {}, onError });

	it(`{ error, details } is ${routesDetails ? '' : 'not '}routed to the error output`, async () => {
		const result = await emit('json only', 'continueErrorOutput');
		expect([result.success.length, result.errors.length]).toEqual(routesDetails ? [0, 1] : [1, 0]);
	});

	it.each<OnError>(['continueErrorOutput', 'continueRegularOutput'])('an item carrying INodeExecutionData.error loses details (%s)', async (onError) => {
		const result = await emit('with INodeExecutionData.error', onError);
		const [item] = [...result.success, ...result.errors];
		expect(item.json.details).toBeUndefined();
		expect(item.json.error).toBe('Refused');
	});
});
