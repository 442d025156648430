import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeExecutionData, INodeTypes, IWorkflowBase, NodeParameterValueType } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { CccAgentStateTrigger } from '../../nodes/AlibabaCloudCcc/AgentStateTrigger/CccAgentStateTrigger.node';
import { TestCredentialsHelper } from './credentialsHelper';
import { testAdditionalData } from './runWorkflow';

export const AGENT_STATE_TRIGGER_NODE_TYPE = 'n8n-nodes-alibaba-ccc.cccAgentStateTrigger';

const trigger = new CccAgentStateTrigger();
const nodeTypes: INodeTypes = {
	getByName: () => trigger,
	getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(trigger, version),
	getKnownTypes: () => ({}),
};

export interface TriggerPoller {
	/** One poll through n8n's `PollContext`: a production poll (`trigger`), or Fetch Test Event (`manual`). */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[][] | null>;
	/** Changes the trigger's fields from the next poll on; its static data stays, as when a user edits the node. */
	setParameters(parameters: Record<string, NodeParameterValueType>): void;
	/** The node's static data as n8n would store it with the workflow. */
	staticData(): IDataObject;
	readonly credentialsHelper: TestCredentialsHelper;
}

export interface TriggerSetup {
	readonly parameters: Record<string, NodeParameterValueType>;
	readonly credentials: ICredentialDataDecryptedObject;
	/** What n8n's `getPollBudgetMs()` answers (n8n's default: 5 minutes). */
	readonly pollBudgetMs?: number;
	/** The trigger's node version (default 1). */
	readonly typeVersion?: number;
}

/**
 * CCC Agent State Trigger in a workflow of its own, polled through n8n-core's real `PollContext`; its static data is
 * kept on the workflow between polls, as n8n keeps it.
 */
export function triggerPoller({ parameters, credentials, pollBudgetMs = 5 * 60_000, typeVersion = 1 }: TriggerSetup): TriggerPoller {
	const credentialsHelper = new TestCredentialsHelper(credentials);
	let node: INode;
	let workflow: Workflow;
	const build = (current: Record<string, NodeParameterValueType>, staticData?: IDataObject) => {
		node = {
			id: 'trigger',
			name: 'CCC Agent State Trigger',
			type: AGENT_STATE_TRIGGER_NODE_TYPE,
			typeVersion,
			position: [0, 0],
			parameters: current,
			credentials: { alibabaCloudCccApi: { id: 'cred-1', name: 'CCC test credential' } },
		};
		workflow = new Workflow({ id: 'ccc-trigger-workflow', nodes: [node], connections: {}, active: true, nodeTypes, staticData });
	};
	build(parameters);
	const workflowData = { id: 'ccc-trigger-workflow', name: 'CCC trigger test', nodes: [], connections: {} } as unknown as IWorkflowBase;
	return {
		credentialsHelper,
		async poll(mode = 'trigger') {
			const hooks = new ExecutionLifecycleHooks(mode, 'poll', workflowData);
			const additionalData = testAdditionalData(credentialsHelper, hooks);
			const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate', undefined, undefined, undefined, undefined, undefined, () => pollBudgetMs);
			return await trigger.poll.call(context);
		},
		setParameters(next) {
			build(next, workflow.staticData);
		},
		staticData: () => workflow.getStaticData('node', node),
	};
}
