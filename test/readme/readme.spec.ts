import { readFileSync } from 'node:fs';
import path from 'node:path';

import { AGENT_EVENT_NAMES, AGENT_EVENTS } from '../../nodes/AlibabaCloudCcc/agent/agentEvents';
import { AGENT_STATE_NAMES, AGENT_STATES } from '../../nodes/AlibabaCloudCcc/agent/agentStates';
import { ALREADY_THERE } from '../../nodes/AlibabaCloudCcc/agent/desiredStates';
import { LIST_DEVICES } from '../../nodes/AlibabaCloudCcc/agent/devices';
import { DIRECTORY_LISTS } from '../../nodes/AlibabaCloudCcc/agent/directoryLists';
import { CURRENT_STATE_EVENT, EVENT_ITEM_FIELDS } from '../../nodes/AlibabaCloudCcc/AgentStateTrigger/watchAgentStates';
import { LOOPBACK_HOSTS } from '../../nodes/AlibabaCloudCcc/auth/endpoint';
import { CALL_OPTION_DEFAULTS, callOptionsProperty, limitsOf } from '../../nodes/AlibabaCloudCcc/execution/callOptions';
import { LISTING_PASSES } from '../../nodes/AlibabaCloudCcc/execution/listPages';
import { CCC_TOOL_ERRORS } from '../../nodes/AlibabaCloudCcc/tool/cccTool';
import { MAX_AGENTS_PER_QUERY, REALTIME_LIMITS } from '../../nodes/AlibabaCloudCcc/agent/realtimeAgentStates';
import { MAX_RETRY_DELAY_MS, RETRY_RULES, type RetryRule } from '../../nodes/AlibabaCloudCcc/transport/retryPolicy';

/** A page of the documentation: README.md, or a file of docs/. */
const page = (file: string) => readFileSync(path.join(__dirname, '../..', file), 'utf8');
const README = page('README.md');
/** Where each table and rule that left the README now lives. */
const NODES = page('docs/nodes.md');
const ERRORS = page('docs/errors.md');

/** The rows of the table in `text` whose header row starts with `header`, as trimmed cells. */
function tableRows(header: string, text = README): string[][] {
	const lines = text.split('\n');
	const start = lines.findIndex((line) => line.startsWith(header));
	if (start < 0) throw new Error(`No table headed "${header}"`);
	const rows: string[][] = [];
	for (const line of lines.slice(start + 2)) {
		if (!line.startsWith('|')) break;
		rows.push(line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
	}
	return rows;
}

describe('the README and docs/', () => {
	it('gives each option the default and limits the node applies, and no option it lacks', () => {
		const documented = new Map(tableRows('| Option | Default | Limits |').map(([option, byDefault, limits]) => [option, [byDefault, limits]]));
		const options = callOptionsProperty.options as Array<{ displayName: string; name: keyof typeof CALL_OPTION_DEFAULTS }>;
		expect([...documented.keys()].sort()).toEqual(options.map((option) => option.displayName).sort());
		for (const { displayName, name } of options) {
			const definition = CALL_OPTION_DEFAULTS[name];
			const shown = typeof definition.default === 'boolean' ? (definition.default ? 'On' : 'Off') : String(definition.default);
			const limits = 'min' in definition ? limitsOf(definition) : '';
			expect([displayName, ...documented.get(displayName)!]).toEqual([displayName, shown, limits]);
		}
		expect(README).toContain(`never longer than ${MAX_RETRY_DELAY_MS} ms`);
	});

	it('says what a number outside its limits becomes, as the node does: the nearest limit, but a tiny rate is the slowest pacing', () => {
		const { off, min } = CALL_OPTION_DEFAULTS.maxRequestsPerSecond;
		const prose = NODES.replace(/\s+/g, ' ');
		expect(prose).toContain(`A number outside its limits is brought to the nearest one, except that a Max Requests per Second between ${off} and ${min} is ${min} (a tiny positive rate means "slow": the slowest pacing, not off).`);
	});

	it('lists exactly the retry rules of transport/retryPolicy.ts', () => {
		const ranges = (statuses: RetryRule['statuses'] = []) => statuses.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
		const when = ({ codes, statuses }: RetryRule) =>
			[codes && `code ${codes.map((code) => `\`${code}\``).join(', ')}`, statuses && `HTTP ${ranges(statuses)}`].filter(Boolean).join(' with ');
		expect(tableRows('| Retried as | When |', ERRORS)).toEqual(
			RETRY_RULES.map((rule) => [rule.kind === 'throttling' ? 'Throttling' : 'Transient', when(rule), rule.what]),
		);
	});

	it('documents every key an error item\'s details can carry', () => {
		const block = ERRORS.slice(ERRORS.indexOf('"details": {'), ERRORS.indexOf('}', ERRORS.indexOf('"details": {')));
		const keys = [...block.matchAll(/^\s+"(\w+)":/gm)].map((match) => match[1]);
		expect(keys).toEqual(['code', 'message', 'httpStatus', 'requestId', 'hint', 'attempts', 'itemIndex']);
	});

	it('names in the Custom Endpoint row the hosts plain http may go to, as the endpoint rule does', () => {
		const row = tableRows('| Field |').find(([field]) => field === 'Custom Endpoint')!;
		expect(row[1]).toContain(LOOPBACK_HOSTS.split(', ').map((host) => `\`${host}\``).join(', '));
	});

	it('names, for AI agents, the error codes and states the tool descriptions tell models to react to', () => {
		const section = README.slice(README.indexOf('## Use it from an AI agent'), README.indexOf('## Queue mode'));
		const named = Object.values(CCC_TOOL_ERRORS).flatMap((advice) => [...advice.matchAll(/"(?:User state \()?([A-Za-z.]+)\)?"/g)].map((match) => match[1]));
		expect(named).toEqual(expect.arrayContaining(['InvalidOperation.UserState', 'OFFLINE', 'NoRegisteredDevice', 'RINGING', 'DIALING', 'TALKING', 'NotExists.UserId']));
		for (const code of named) expect(section).toContain(`\`${code}\``);
	});

	it('lists the agent states of agent/agentStates.ts with their report spelling, meaning and hint', () => {
		expect(tableRows('| State | In reports |', ERRORS)).toEqual(
			AGENT_STATE_NAMES.map((state) => [state, AGENT_STATES[state].report, AGENT_STATES[state].meaning, AGENT_STATES[state].hint ?? '']),
		);
	});

	it('lists, per state action, the states that count as already there, as agent/desiredStates.ts has them', () => {
		const rows = tableRows('| Action | Already there when', NODES);
		expect(Object.fromEntries(rows.map(([action, states]) => [action, states.split(', ').map((state) => state.replaceAll('`', ''))]))).toEqual(ALREADY_THERE);
	});

	it("lists CCC ListRealtimeAgentStates' states and CCC's limits as the node has them", () => {
		const section = NODES.slice(NODES.indexOf('## The CCC ListRealtimeAgentStates node'), NODES.indexOf('## Any CCC action'));
		const states = section.slice(section.indexOf('The states'), section.indexOf('One output item per agent'));
		expect([...new Set([...states.matchAll(/`([A-Za-z-]+)`/g)].map((match) => match[1]))].filter((word) => AGENT_STATE_NAMES.some((state) => AGENT_STATES[state].report === word)).sort()).toEqual(
			AGENT_STATE_NAMES.map((state) => AGENT_STATES[state].report).sort(),
		);
		expect(section).toContain(`pages of at most ${REALTIME_LIMITS.maxPageSize} agents`);
		expect(section).toContain(`only up to ${REALTIME_LIMITS.maxPageNumber}`);
		expect(section).toContain(`more than ${MAX_AGENTS_PER_QUERY.toLocaleString('en-US')} agents`);
		expect(section).toContain(`at most ${REALTIME_LIMITS.maxAgentIds} Agent IDs per`);
		expect(section).toContain(`calls of ${REALTIME_LIMITS.maxAgentIds}`);
		expect(section).toContain(`At most ${MAX_AGENTS_PER_QUERY.toLocaleString('en-US')}. Empty: all agents.`);
		expect(section).toContain(`up to ${LISTING_PASSES} reads in all`);
	});

	it("lists CCC Agent State Trigger's events as agent/agentEvents.ts has them, and every field of an event item", () => {
		const section = NODES.slice(NODES.indexOf('## The CCC Agent State Trigger node'), NODES.indexOf('## The CCC ListRealtimeAgentStates node'));
		expect(tableRows('| Event (`Event`) |', NODES).map(([event]) => event)).toEqual(AGENT_EVENT_NAMES.map((event) => `${AGENT_EVENTS[event].name} (\`${event}\`)`));
		expect(section).toContain(`\`Event\` \`${CURRENT_STATE_EVENT}\``);
		expect(section.replace(/\s+/g, ' ')).toContain(EVENT_ITEM_FIELDS.map((field) => `\`${field}\``).join(', '));
	});

	it("names the CCC action each picker's list reads, as the pickers read them, and grants exactly those for the editor", () => {
		const read = [...Object.values(DIRECTORY_LISTS).map((list) => list.request.action), LIST_DEVICES.action];
		const named = tableRows('| Picker |').map(([, reads]) => /`(\w+)`/.exec(reads)?.[1]);
		expect(named).toEqual(read);
		const [, granted] = tableRows('| Node | RAM actions |').find(([node]) => node.startsWith("The pickers' lists"))!;
		expect(granted).toBe(read.map((action) => `\`ccc:${action}\``).join(', '));
	});
});

