import path from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { CccListDevices } from '../../../../nodes/AlibabaCloudCcc/ListDevices/CccListDevices.node';
import { CccListRealtimeAgentStates } from '../../../../nodes/AlibabaCloudCcc/ListRealtimeAgentStates/CccListRealtimeAgentStates.node';
import { CccSignInGroup } from '../../../../nodes/AlibabaCloudCcc/SignInGroup/CccSignInGroup.node';
import { CccSignOutGroup } from '../../../../nodes/AlibabaCloudCcc/SignOutGroup/CccSignOutGroup.node';
import { CccReadyForService } from '../../../../nodes/AlibabaCloudCcc/ReadyForService/CccReadyForService.node';
import manifest from '../../../../package.json';

const root = path.resolve(__dirname, '../../../..');

/**
 * Every action node package.json declares, from its source: a new node is held to the same rules without a line
 * here. Triggers are no tools (n8n's lint forbids `usableAsTool` on them).
 */
const declaredNodes = manifest.n8n.nodes
	.map((file): [string, INodeType] => {
		const source = path.join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const NodeClass = (jest.requireActual(source) as Record<string, new () => INodeType>)[path.basename(file, '.node.js')];
		const node = new NodeClass();
		return [node.description.displayName, node];
	})
	.filter(([, node]) => !node.description.polling);

/** The tool form's Description field: n8n hands its value, by default this, to the model. */
function toolDescription(node: INodeType): string {
	const field = node.description.properties.find((property) => property.name === 'toolDescription');
	expect(field?.displayOptions).toEqual({ show: { '@tool': [true] } });
	return String(field?.default);
}

/** The fields a workflow may leave to the model with $fromAI (the switches, Device, If Signed Out, Additivity, and the Options are the workflow's). */
const inputFields = (node: INodeType) =>
	[...new Set(node.description.properties.map((property) => property.name))].filter(
		(name) => !['device', 'ifSignedOut', 'additivity', 'options', 'toolDescription'].includes(name),
	);

describe('the tool descriptions models read', () => {
	it.each(declaredNodes)('%s: describes every input with its format and an example, what it returns and the errors', (_name, node) => {
		const description = toolDescription(node);
		const inputLines = description.split('\n').filter((line) => line.startsWith('- ') && !line.startsWith('- "'));
		expect(inputLines.map((line) => line.slice(2, line.indexOf(' ', 2)))).toEqual(expect.arrayContaining(inputFields(node)));
		expect(inputLines).toHaveLength(inputFields(node).length);
		for (const line of inputLines) expect(line).toMatch(/, e\.g\. \S+\. (Required|May be empty .+)\.$/);
		expect(description).toMatch(/\nReturns: .+\nErrors to react to .+\n- "/);
	});

	it('describes the User ID the same way in every node that takes one, and says when it may be empty', () => {
		for (const [name, node] of declaredNodes.filter(([, node]) => inputFields(node).includes('userId'))) {
			// Signing in names the agent always; the others may act on the credential's own agent.
			const when = name === 'CCC SignInGroup' ? 'Required.' : 'May be empty ';
			expect(toolDescription(node)).toContain(`- userId (User ID): the agent, of the form name@instance, e.g. user-test@ccc-test. ${when}`);
		}
		expect(declaredNodes.map(([name]) => name)).toEqual(expect.arrayContaining(['CCC ReadyForService', 'CCC ListDevices']));
	});

	it('CCC ReadyForService: tells a model what not signed in and on a call look like', () => {
		const description = toolDescription(new CccReadyForService());
		expect(description).toContain('"InvalidOperation.UserState" with "User state (OFFLINE)", or "NoRegisteredDevice": the agent is not signed in');
		expect(description).toContain('"InvalidOperation.UserState" with one of "User state (RINGING)", "User state (DIALING)", "User state (TALKING)": the agent is on a call');
		expect(description).toContain('UserState is READY on success');
		expect(description).toContain('- "NotExists.UserId": there is no such agent in this instance.');
		expect(description).toContain('- deviceId (Device ID): the ID of the workstation the agent is signed in on');
	});

	it('CCC ListDevices: says that no device means not signed in, and what an unknown agent looks like', () => {
		const description = toolDescription(new CccListDevices());
		expect(description).toContain('- "NotExists.UserId": there is no such agent in this instance.');
		expect(description).toContain('No device at all means the agent is not signed in anywhere.');
		expect(description).toContain('Expires, Extension');
	});

	it('CCC SignOutGroup: tells a model that an OFFLINE agent is already signed out, not to be signed in', () => {
		const description = toolDescription(new CccSignOutGroup());
		expect(description).toContain('With AlreadyThere: true the agent was already signed out (UserState OFFLINE), so CCC changed nothing; with Attempts as well, an earlier attempt whose answer was lost made the change.');
		expect(description).toContain('"InvalidOperation.UserState" with "User state (OFFLINE)" (workflows saved before version 2): the agent is already signed out.');
		expect(description).not.toContain('must sign in');
		expect(description).toContain('UserState is OFFLINE');
	});

	it('CCC SignInGroup: tells a model which states mean already signed in, and that it cannot open a workstation', () => {
		const description = toolDescription(new CccSignInGroup());
		expect(description).toContain('With AlreadyThere: true the agent was already signed in (UserState READY or BREAK or WORKING), so CCC changed nothing');
		expect(description).toContain('It cannot open the workstation itself.');
		expect(description).toContain('"NoRegisteredDevice": the agent has no workstation open.');
	});

	it("CCC ListRealtimeAgentStates: names the states a model may ask for and the node's own error for too wide a query", () => {
		const description = toolDescription(new CccListRealtimeAgentStates());
		expect(description).toContain('from Offline, Ready, Break, Ringing, Dialing, Talking, ACW');
		expect(description).toContain('- "CCC lists at most 10000 per query"');
	});
});
