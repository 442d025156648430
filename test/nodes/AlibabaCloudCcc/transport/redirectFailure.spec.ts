import type { INode } from 'n8n-workflow';

import { redirectFailure } from '../../../../nodes/AlibabaCloudCcc/transport/redirectFailure';

const node: INode = { id: 'n', name: 'CCC', type: 'cccReadyForService', typeVersion: 1, position: [0, 0], parameters: {} };

describe('redirectFailure', () => {
	it.each([
		['an absolute Location: its host, without user, path or query', 'https://user:pw@elsewhere.example:8443/collect?token=secret', 'elsewhere.example:8443'],
		['a protocol-relative Location: another host', '//elsewhere.example/collect?token=secret', 'elsewhere.example'],
		['a path: the same host', '/collect?token=secret', 'another path on the same host'],
		['a Location without a host', 'javascript:alert(1)', 'a javascript: address'],
		['no Location', '', 'nowhere (no Location header)'],
	])('names where %s', (_case, location, named) => {
		const error = redirectFailure(node, 302, location, 0);
		expect(error.message).toBe(`UnexpectedRedirect: The endpoint answered HTTP 302, a redirect to ${named}; CCC's API never redirects, so the request was not sent there`);
		expect(JSON.stringify(error.ccc)).not.toContain('secret');
	});
});
