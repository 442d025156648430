import type { INodeProperties } from 'n8n-workflow';

import { INSTANCE_ID, USER_ID, USER_ID_FORM } from '../agent/agentFields';
import { ON_CALL_STATES, type AgentState } from '../agent/agentStates';
import { NO_REGISTERED_DEVICE } from '../agent/lookUpDevice';
import type { FieldLabel } from '../params/readParameter';

/**
 * What a language model reads about a CCC node used as a tool (n8n's AI Agent, MCP Server Trigger). n8n 2.41 builds
 * the tool node type it runs (`…Tool`) from the node's own description, without `usableAsTool.replacements`, and
 * hands the model the node's `toolDescription` parameter. So every CCC node declares that parameter itself, shown
 * only in its tool form, with `toolDescriptionProperty({ … })`: all of them then read alike.
 */
export interface CccToolText {
	/** What the tool does, in one or two sentences. */
	readonly does: string;
	readonly inputs: readonly ToolInput[];
	/** What a successful call returns (the JSON fields a model will read). */
	readonly returns: string;
	/** The failures a model should react to: entries of CCC_TOOL_ERRORS. */
	readonly errors: readonly string[];
}

export interface ToolInput {
	/** The field; its `name` is the `$fromAI()` key the README recommends, its `example` a valid value. */
	readonly field: FieldLabel;
	/** What the value is and its format. */
	readonly format: string;
	/** Follows "May be empty": when, and what empty means. Without it the value is required. */
	readonly mayBeEmpty?: string;
}

/** How CCC's refusal message names the agent's state. */
const userState = (state: AgentState) => `"User state (${state})"`;

/** The CCC answers a model can act on, as it should act on them (the states from agent/agentStates.ts). */
export const CCC_TOOL_ERRORS = {
	notSignedIn: `"InvalidOperation.UserState" with ${userState('OFFLINE')}, or "${NO_REGISTERED_DEVICE}": the agent is not signed in to a workstation. Tell the user the agent must sign in on the CCC workbench first; do not retry.`,
	onCall: `"InvalidOperation.UserState" with one of ${ON_CALL_STATES.map(userState).join(', ')}: the agent is on a call. Try again after the call has ended; do not retry at once.`,
	deviceOffline:
		'"InvalidOperation.DeviceState": the agent\'s workstation is not online. Tell the user the agent must open the CCC workbench (or app, or SIP phone) first; do not retry.',
	unknownAgent:
		'"NotExists.UserId": there is no such agent in this instance. Ask the user for the right User ID (name@instance); do not guess another one.',
} as const;

/** The inputs every agent tool shares. */
export const INSTANCE_ID_INPUT: ToolInput = { field: INSTANCE_ID, format: 'the ID of the CCC instance the agent belongs to' };
export const userIdInput = (mayBeEmpty?: string): ToolInput => ({ field: USER_ID, format: `the agent, ${USER_ID_FORM}`, mayBeEmpty });

function describeInput({ field, format, mayBeEmpty }: ToolInput): string {
	return `- ${field.name} (${field.displayName}): ${format}, e.g. ${field.example}. ${mayBeEmpty ? `May be empty ${mayBeEmpty}.` : 'Required.'}`;
}

/** The description a model sees, one section per line so that it reads well in any client. */
export function cccToolDescription({ does, inputs, returns, errors }: CccToolText): string {
	return [
		does,
		'Inputs (those this tool asks for; the others are set in the workflow):',
		...inputs.map(describeInput),
		`Returns: ${returns}`,
		'Errors to react to (the error text contains the code):',
		...errors.map((error) => `- ${error}`),
	].join('\n');
}

/** The tool form's Description field (n8n's own name for it), its default the description for models. */
export const toolDescriptionProperty = (text: CccToolText): INodeProperties => ({
	displayName: 'Tool Description',
	name: 'toolDescription',
	type: 'string',
	typeOptions: { rows: 8 },
	default: cccToolDescription(text),
	required: true,
	description: 'What the language model reads about this tool: what it does, its inputs, what it returns, the errors',
	displayOptions: { show: { '@tool': [true] } },
});
