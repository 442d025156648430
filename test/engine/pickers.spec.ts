import { NodeOperationError, type INodeType } from 'n8n-workflow';

import { CccAgentStateTrigger } from '../../nodes/AlibabaCloudCcc/AgentStateTrigger/CccAgentStateTrigger.node';
import { CccListDevices } from '../../nodes/AlibabaCloudCcc/ListDevices/CccListDevices.node';
import { CccListRealtimeAgentStates } from '../../nodes/AlibabaCloudCcc/ListRealtimeAgentStates/CccListRealtimeAgentStates.node';
import { CccReadyForService } from '../../nodes/AlibabaCloudCcc/ReadyForService/CccReadyForService.node';
import { CccSignOutGroup } from '../../nodes/AlibabaCloudCcc/SignOutGroup/CccSignOutGroup.node';
import { CccTakeBreak } from '../../nodes/AlibabaCloudCcc/TakeBreak/CccTakeBreak.node';
import { searchList } from '../../scripts/engine/searchList';
import { addLoadInstance, DEMO_ACCESS_KEY, demoDirectory, NO_PERMISSION_KEY } from '../../simulator/directory';
import { credentialsFor, useSimulator } from '../harness/simulatorFixture';

const picked = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The demo directory, a load instance of 250 agents, and 130 more instances: lists of more than one page. */
function bigDirectory() {
	const directory = demoDirectory();
	addLoadInstance(directory, 250);
	for (let index = 1; index <= 130; index++) directory.instances.set(`ccc-extra-${index}`, { name: `Extra ${index}`, agents: new Map() });
	return directory;
}

describe("The pickers' lists, loaded through n8n-core's LoadOptionsContext", () => {
	const simulator = useSimulator({ directory: bigDirectory() });
	const credentials = () => credentialsFor(simulator());
	const sent = () => simulator().requests.map((entry) => [entry.action, entry.params] as const);

	it('lists instances 100 to a page, with a token for the next, named and linked to their workbench', async () => {
		const search = (paginationToken?: string) =>
			searchList({ nodeType: new CccTakeBreak(), parameters: {}, field: 'instanceId', method: 'searchInstances', credentials: credentials(), paginationToken });
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: 'Test contact center (ccc-test)', value: 'ccc-test', url: 'https://ccc-v2.aliyun.com/#/workbench/ccc-test' });
		expect(first.paginationToken).toBe('2');
		const second = await search(first.paginationToken);
		expect(second.results.map((item) => item.value)).toEqual(Array.from({ length: 32 }, (_, index) => `ccc-extra-${index + 99}`));
		expect(second.paginationToken).toBeUndefined();
		expect(sent()).toEqual([
			['ListInstances', { PageNumber: '1', PageSize: '100' }],
			['ListInstances', { PageNumber: '2', PageSize: '100' }],
		]);
	});

	it('filters instances on its side, by name or ID (ListInstances takes no search), reading past pages without a match', async () => {
		const search = (filter: string, paginationToken?: string) =>
			searchList({ nodeType: new CccTakeBreak(), parameters: {}, field: 'instanceId', method: 'searchInstances', credentials: credentials(), filter, paginationToken });
		const first = await search('EXTRA 12');
		expect([first.results.map((item) => item.value), first.paginationToken]).toEqual([['ccc-extra-12'], '2']);
		const second = await search('EXTRA 12', first.paginationToken);
		expect([second.results.map((item) => item.value), second.paginationToken]).toEqual([Array.from({ length: 10 }, (_, index) => `ccc-extra-${120 + index}`), undefined]);
		// Page 1 holds no match: the next page is read at once, not left for a scroll that an empty list cannot have.
		const onlyOnPageTwo = await search('extra-129');
		expect([onlyOnPageTwo.results.map((item) => item.value), onlyOnPageTwo.paginationToken]).toEqual([['ccc-extra-129'], undefined]);
		expect(sent().map(([, params]) => params.PageNumber)).toEqual(['1', '2', '1', '2']);
		expect(sent().every(([, params]) => !('SearchPattern' in params))).toBe(true);
	});

	it("lists the chosen instance's agents with CCC's search, past 100, showing display name and ID", async () => {
		const search = (filter?: string, paginationToken?: string) =>
			searchList({
				nodeType: new CccReadyForService(),
				parameters: { instanceId: picked('ccc-load') },
				field: 'userId',
				method: 'searchAgents',
				credentials: credentials(),
				filter,
				paginationToken,
			});
		const pages = [await search()];
		while (pages.at(-1)!.paginationToken) pages.push(await search(undefined, pages.at(-1)!.paginationToken));
		expect(pages.map((page) => [page.results.length, page.paginationToken])).toEqual([
			[100, '2'],
			[100, '3'],
			[50, undefined],
		]);
		expect(pages[2].results.at(-1)).toEqual({ name: 'Agent-0250 (agent-0250@ccc-load)', value: 'agent-0250@ccc-load' });
		const found = await search('agent-012');
		expect(found.results.map((item) => item.value)).toEqual(Array.from({ length: 10 }, (_, index) => `agent-012${index}@ccc-load`));
		expect(sent().at(-1)).toEqual(['ListUsers', { InstanceId: 'ccc-load', PageNumber: '1', PageSize: '100', SearchPattern: 'agent-012' }]);
	});

	it('follows the instance: the agent list is the newly chosen instance\'s, typed By ID or picked', async () => {
		const agentsOf = async (instanceId: ReturnType<typeof picked>) =>
			(await searchList({ nodeType: new CccSignOutGroup(), parameters: { instanceId }, field: 'userId', method: 'searchAgents', credentials: credentials() })).results.map(
				(item) => item.value,
			);
		expect(await agentsOf(picked('ccc-test'))).toContain('grace@ccc-test');
		expect((await agentsOf(byId('ccc-load')))[0]).toBe('agent-0001@ccc-load');
		expect(sent().map(([, params]) => params.InstanceId)).toEqual(['ccc-test', 'ccc-load']);
	});

	it('asks for the instance first, sending nothing, when none is chosen', async () => {
		const search = searchList({ nodeType: new CccListDevices(), parameters: { instanceId: picked('') }, field: 'userId', method: 'searchAgents', credentials: credentials() });
		await expect(search).rejects.toThrow(NodeOperationError);
		await expect(search).rejects.toThrow('Choose the Instance ID first');
		expect(sent()).toEqual([]);
	});

	it('lists skill groups with CCC\'s search, and the agent list of the trigger and ListRealtimeAgentStates', async () => {
		const groups = await searchList({
			nodeType: new CccListRealtimeAgentStates(),
			parameters: { instanceId: picked('ccc-test') },
			field: 'skillGroupId',
			method: 'searchSkillGroups',
			credentials: credentials(),
			filter: 'supp',
		});
		expect(groups).toEqual({ results: [{ name: 'Support (skg-support@ccc-test)', value: 'skg-support@ccc-test' }] });
		expect(sent()).toEqual([['ListSkillGroups', { InstanceId: 'ccc-test', PageNumber: '1', PageSize: '100', SearchPattern: 'supp' }]]);
		for (const nodeType of [new CccAgentStateTrigger(), new CccListRealtimeAgentStates()] as INodeType[]) {
			const { results } = await searchList({ nodeType, parameters: { instanceId: picked('ccc-test') }, field: 'agentIds', method: 'searchAgents', credentials: credentials(), filter: 'Grace' });
			expect(results).toEqual([{ name: 'Grace (grace@ccc-test)', value: 'grace@ccc-test' }]);
		}
	});

	it("lists the chosen agent's registrations newest first, each said to be registered or lapsed, in one request", async () => {
		const { results } = await searchList({
			nodeType: new CccReadyForService(),
			parameters: { instanceId: picked('ccc-test'), device: 'deviceId', userId: picked('bob@ccc-test') },
			field: 'deviceId',
			method: 'searchDevices',
			credentials: credentials(),
		});
		expect(results).toEqual([
			{ name: 'ACC-YUNBS-1.0.10-bob-desk (WEBRTC, registered)', value: 'ACC-YUNBS-1.0.10-bob-desk' },
			{ name: 'ACC-YUNBS-1.0.10-bob-laptop (WEBRTC, lapsed)', value: 'ACC-YUNBS-1.0.10-bob-laptop' },
		]);
		expect(sent()).toEqual([['ListDevices', { InstanceId: 'ccc-test', UserId: 'bob@ccc-test' }]]);
	});

	it("shows CCC's code and the fix when the list cannot load, says By ID still works, and holds no secret", async () => {
		const failure = await searchList({
			nodeType: new CccTakeBreak(),
			parameters: { instanceId: byId('ccc-test') },
			field: 'userId',
			method: 'searchAgents',
			credentials: credentialsFor(simulator(), NO_PERMISSION_KEY),
		}).catch((error: unknown) => error);
		// n8n's editor shows an error's message alone where the list would be: the code and the fix go into it.
		expect(failure).toBeInstanceOf(NodeOperationError);
		const { message, description } = failure as NodeOperationError;
		expect(message).toMatch(/^Forbidden\.RAM: User not authorized.*\(ccc:ListUsers\)\. The RAM user or role lacks permission: grant it ccc:ListUsers .*\. Meanwhile, choose By ID and type the ID$/);
		// The editor would show a RequestId's hyphens as spaces: it stays in the description, beside the same fix.
		expect(description).toMatch(/Meanwhile, choose By ID and type the ID\. RequestId: [0-9A-F-]{36}, HTTP status: 403$/);
		const told = JSON.stringify({ message, description, failure });
		for (const secret of [NO_PERMISSION_KEY.accessKeySecret, DEMO_ACCESS_KEY.accessKeySecret]) expect(told).not.toContain(secret);
	});
});
