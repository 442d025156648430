import path from 'node:path';

import type { IVersionedNodeType } from 'n8n-workflow';

import { registerNodeType } from '../../scripts/engine/runWorkflow';
import { HTTP_REQUEST_NODE_TYPE } from './httpRequestParameters';

/**
 * n8n's own HTTP Request node, from the n8n that scripts/setup-n8n.sh installs (the test command installs it before
 * jest runs), registered with the engine harness. jest maps its `n8n-workflow` and `n8n-core` to this project's copies,
 * so that errors and helpers are the engine's own.
 */
export function useHttpRequestNode(): void {
	const module = path.resolve(__dirname, '../../.n8n-demo/app/node_modules/n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HttpRequest } = require(module) as { HttpRequest: new () => IVersionedNodeType };
	registerNodeType(HTTP_REQUEST_NODE_TYPE, new HttpRequest());
}
