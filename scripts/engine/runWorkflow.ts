import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	NodeParameterValueType,
} from 'n8n-workflow';
import { createRunExecutionData, NodeHelpers, Workflow } from 'n8n-workflow';

import { CccListDevices } from '../../nodes/AlibabaCloudCcc/ListDevices/CccListDevices.node';
import { CccListRealtimeAgentStates } from '../../nodes/AlibabaCloudCcc/ListRealtimeAgentStates/CccListRealtimeAgentStates.node';
import { CccReadyForService } from '../../nodes/AlibabaCloudCcc/ReadyForService/CccReadyForService.node';
import { CccSignInGroup } from '../../nodes/AlibabaCloudCcc/SignInGroup/CccSignInGroup.node';
import { CccSignOutGroup } from '../../nodes/AlibabaCloudCcc/SignOutGroup/CccSignOutGroup.node';
import { CccTakeBreak } from '../../nodes/AlibabaCloudCcc/TakeBreak/CccTakeBreak.node';
import { TestCredentialsHelper } from './credentialsHelper';
import { TestItems } from './testItemsNode';

export const CCC_NODE_TYPE = 'n8n-nodes-alibaba-ccc.cccReadyForService';
export const LIST_DEVICES_NODE_TYPE = 'n8n-nodes-alibaba-ccc.cccListDevices';
export const TAKE_BREAK_NODE_TYPE = 'n8n-nodes-alibaba-ccc.cccTakeBreak';
export const SIGN_OUT_GROUP_NODE_TYPE = 'n8n-nodes-alibaba-ccc.cccSignOutGroup';
export const SIGN_IN_GROUP_NODE_TYPE = 'n8n-nodes-alibaba-ccc.cccSignInGroup';
export const LIST_REALTIME_AGENT_STATES_NODE_TYPE = 'n8n-nodes-alibaba-ccc.cccListRealtimeAgentStates';
const ITEMS_NODE_TYPE = 'test.testItems';

const nodeTypeRegistry: Record<string, INodeType | IVersionedNodeType> = {
	[CCC_NODE_TYPE]: new CccReadyForService(),
	[LIST_DEVICES_NODE_TYPE]: new CccListDevices(),
	[TAKE_BREAK_NODE_TYPE]: new CccTakeBreak(),
	[SIGN_OUT_GROUP_NODE_TYPE]: new CccSignOutGroup(),
	[SIGN_IN_GROUP_NODE_TYPE]: new CccSignInGroup(),
	[LIST_REALTIME_AGENT_STATES_NODE_TYPE]: new CccListRealtimeAgentStates(),
	[ITEMS_NODE_TYPE]: new TestItems(),
};

/** Adds a node type that is not ours (n8n's HTTP Request node, loaded from the installed n8n) to what workflows can use. */
export function registerNodeType(type: string, nodeType: INodeType | IVersionedNodeType): void {
	nodeTypeRegistry[type] = nodeType;
}

const nodeTypes: INodeTypes = {
	getByName: (type: string): INodeType | IVersionedNodeType => nodeTypeRegistry[type],
	getByNameAndVersion: (type: string, version?: number): INodeType =>
		NodeHelpers.getVersionedNodeType(nodeTypeRegistry[type], version),
	getKnownTypes: () => ({}),
};

/** What n8n hands an execution besides the workflow: real-looking URLs, the credentials service, the hooks. */
export function testAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId: 'execution-1',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not part of these tests');
		},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface CccRun {
	/** Items on the node's main output. */
	readonly success: INodeExecutionData[];
	/** Items on the error output ("Continue (using error output)"). */
	readonly errors: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	readonly workflowError?: Error & { description?: string | null; context?: IDataObject };
	readonly run: IRun;
	readonly credentialsHelper: TestCredentialsHelper;
}

export interface CccWorkflow {
	/** The CCC node under test (default: CCC ReadyForService). */
	readonly nodeType?: string;
	/** Its version (default 1). */
	readonly typeVersion?: number;
	/** n8n's "Always Output Data" setting of that node. */
	readonly alwaysOutputData?: boolean;
	/** n8n's "Retry On Fail" setting of that node, with its Max Tries and Wait Between Tries (ms). */
	readonly retryOnFail?: { readonly maxTries: number; readonly waitBetweenTries: number };
	readonly items: readonly IDataObject[];
	readonly parameters: Record<string, NodeParameterValueType>;
	readonly credentials: ICredentialDataDecryptedObject;
	readonly onError?: OnError;
	/** Whether to keep every signed request for inspection (default true). */
	readonly recordRequests?: boolean;
	/** When this settles, the execution is cancelled, as a user's Stop does; the run still ends only once the node has returned. */
	readonly cancelWhen?: Promise<unknown>;
}

/** Runs Test Items → a CCC node through n8n's real `WorkflowExecute`, and returns what the CCC node output. */
export async function runCccWorkflow({
	nodeType = CCC_NODE_TYPE,
	typeVersion = 1,
	alwaysOutputData = false,
	retryOnFail,
	items,
	parameters,
	credentials,
	onError = 'stopWorkflow',
	recordRequests = true,
	cancelWhen,
}: CccWorkflow): Promise<CccRun> {
	const workflowData: IWorkflowBase = {
		id: 'ccc-test-workflow',
		name: 'CCC test',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: { executionOrder: 'v1' },
		connections: { Agents: { main: [[{ node: 'CCC', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: 'agents',
				name: 'Agents',
				type: ITEMS_NODE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(items) },
			},
			{
				id: 'ccc',
				name: 'CCC',
				type: nodeType,
				typeVersion,
				position: [200, 0],
				parameters,
				alwaysOutputData,
				...(retryOnFail ? { retryOnFail: true, ...retryOnFail } : {}),
				credentials: { alibabaCloudCccApi: { id: 'cred-1', name: 'CCC test credential' } },
				onError,
			},
		],
	};
	const workflow = new Workflow({
		id: workflowData.id,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings,
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'execution-1', workflowData);
	const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', resolve));

	const credentialsHelper = new TestCredentialsHelper(credentials, recordRequests);
	const additionalData = testAdditionalData(credentialsHelper, hooks);

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: workflow.getNode('Agents')!, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});

	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	void cancelWhen?.then(() => execution.cancel());
	await execution;
	const run = await finished;
	const cccRun = run.data.resultData.runData.CCC?.[0];
	return {
		success: cccRun?.data?.main?.[0] ?? [],
		errors: cccRun?.data?.main?.[1] ?? [],
		workflowError: run.data.resultData.error as CccRun['workflowError'],
		run,
		credentialsHelper,
	};
}
