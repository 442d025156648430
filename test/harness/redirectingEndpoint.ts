import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An endpoint that answers every request with a redirect to a second origin, which records whoever comes. */
export interface RedirectingEndpoint {
	/** The endpoint's URL, for a credential's Custom Endpoint. */
	readonly url: string;
	/** host:port of the origin the redirect points at. */
	readonly target: string;
	/** The headers of every request that reached the other origin (nothing should). */
	readonly reached: IncomingHttpHeaders[];
	/** How many requests the endpoint redirected. */
	readonly redirects: number;
	/** The redirect's status (302 until set). */
	status: number;
}

async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Starts the two servers on loopback for the calling file, and clears what they saw before each test. The other
 * origin answers as CCC would (`Data.stolen`), and the redirect carries a secret in its query (`query-secret`): neither
 * may ever show in an output.
 */
export function useRedirectingEndpoint(): RedirectingEndpoint {
	const endpoint = { url: '', target: '', reached: [] as IncomingHttpHeaders[], redirects: 0, status: 302 };
	const elsewhere = createServer((request, response) => {
		endpoint.reached.push(request.headers);
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify({ RequestId: 'not-ccc', Code: 'OK', Data: { UserId: 'alice@ccc-test', UserState: 'READY', stolen: true } }));
	});
	const redirecting = createServer((_request, response) => {
		endpoint.redirects++;
		response.writeHead(endpoint.status, { location: `http://${endpoint.target}/collect?token=query-secret` }).end();
	});
	beforeAll(async () => {
		endpoint.target = await listen(elsewhere);
		endpoint.url = `http://${await listen(redirecting)}`;
	});
	afterAll(async () => {
		await Promise.all([elsewhere, redirecting].map((server) => new Promise((resolve) => server.close(resolve))));
	});
	beforeEach(() => {
		endpoint.reached.length = 0;
		endpoint.redirects = 0;
	});
	return endpoint;
}
