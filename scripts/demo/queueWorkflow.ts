/**
 * A production workflow for queue mode: a webhook receives a list of agents, CCC ReadyForService readies each
 * (failures on its error output), and a summary of both outputs is the webhook's answer ("respond when the last
 * node finishes"), so the caller sees what a worker did.
 */

export const QUEUE_WORKFLOW_ID = 'cccQueueModeReady';
export const QUEUE_WEBHOOK_PATH = 'ccc-ready-agents';

/** What the webhook answers: one entry per agent, ready ones and failed ones apart. */
export interface QueueSummary {
	readonly ready: Array<{ userId: string; state: string; extension: string }>;
	readonly failed: Array<{ userId: string; code: string; error: string }>;
}

/** `readyOptions`: the Ready Agent node's Options (a test that holds answers back gives it a long Timeout). */
export function queueWorkflow(credential: { id: string; name: string }, readyOptions: Record<string, unknown> = {}) {
	const node = (name: string, type: string, typeVersion: number, x: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
		id: `ccc-queue-${name.toLowerCase().replace(/\W+/g, '-')}`,
		name,
		type,
		typeVersion,
		position: [x, 300],
		parameters,
		...extra,
	});
	const assignment = (name: string, value: string) => ({ id: name, name, type: 'array', value });
	return {
		id: QUEUE_WORKFLOW_ID,
		name: 'Queue mode: ready the agents a webhook names',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node(
				'Agents Webhook',
				'n8n-nodes-base.webhook',
				2,
				0,
				{ httpMethod: 'POST', path: QUEUE_WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
				{ webhookId: '6f1d2c3b-8a4e-4f0a-9d7c-ccc000000011' },
			),
			node('One Item per Agent', 'n8n-nodes-base.splitOut', 1, 220, { fieldToSplitOut: 'body.agents', options: {} }),
			node(
				'Ready Agent',
				'n8n-nodes-alibaba-ccc.cccReadyForService',
				1,
				440,
				{ instanceId: '={{ $json.instanceId }}', deviceId: '={{ $json.deviceId }}', userId: '={{ $json.userId }}', outboundScenario: false, options: readyOptions },
				{ onError: 'continueErrorOutput', credentials: { alibabaCloudCccApi: credential } },
			),
			node('Both Outputs', 'n8n-nodes-base.merge', 3, 660, {}),
			node(
				'Summary',
				'n8n-nodes-base.set',
				3.4,
				880,
				{
					assignments: {
						assignments: [
							assignment(
								'ready',
								'={{ $input.all().filter(item => !item.json.error).map(item => ({ userId: item.json.UserId, state: item.json.UserState, extension: item.json.Extension })) }}',
							),
							assignment(
								'failed',
								'={{ $input.all().filter(item => item.json.error).map(item => ({ userId: item.json.userId, code: item.json.details.code, error: item.json.error })) }}',
							),
						],
					},
					options: {},
				},
				{ executeOnce: true },
			),
		],
		connections: {
			'Agents Webhook': { main: [[{ node: 'One Item per Agent', type: 'main', index: 0 }]] },
			'One Item per Agent': { main: [[{ node: 'Ready Agent', type: 'main', index: 0 }]] },
			'Ready Agent': {
				main: [[{ node: 'Both Outputs', type: 'main', index: 0 }], [{ node: 'Both Outputs', type: 'main', index: 1 }]],
			},
			'Both Outputs': { main: [[{ node: 'Summary', type: 'main', index: 0 }]] },
		},
	};
}
