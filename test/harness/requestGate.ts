import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback gate in front of the CCC simulator: it holds every request it receives until the test opens it, then
 * passes them on unchanged (headers included, so signatures still verify). What it holds shows which callers
 * were waiting at the same time, without any wall-clock window.
 */
export class RequestGate {
	/** The query string of each request held so far, in arrival order. */
	readonly held: URLSearchParams[] = [];

	private open = false;

	private readonly waiting: Array<() => void> = [];

	private readonly watchers: Array<() => void> = [];

	private readonly sockets = new Set<Socket>();

	private readonly server: Server;

	constructor(private readonly target: string) {
		this.server = createServer((incoming, outgoing) => {
			const pass = () => this.pass(incoming, outgoing);
			if (this.open) return pass();
			this.held.push(new URL(incoming.url ?? '/', 'http://gate').searchParams);
			this.waiting.push(pass);
			for (const watcher of this.watchers.splice(0)) watcher();
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	async start(): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	/** Resolves once `condition` holds for the requests held, checked on each arrival; rejects after `timeoutMs`. */
	async until(condition: (held: readonly URLSearchParams[]) => boolean, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!condition(this.held)) {
			let timer: NodeJS.Timeout | undefined;
			const arrived = await new Promise<boolean>((resolve) => {
				this.watchers.push(() => resolve(true));
				timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
			});
			clearTimeout(timer);
			if (!arrived && !condition(this.held)) throw new Error(`The gate's condition did not hold within ${timeoutMs} ms`);
		}
	}

	/** Passes on everything held and everything that comes later. */
	release(): void {
		this.open = true;
		for (const pass of this.waiting.splice(0)) pass();
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private pass(incoming: IncomingMessage, outgoing: ServerResponse): void {
		const upstream = forward(`${this.target}${incoming.url ?? '/'}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
			outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(outgoing);
		});
		upstream.on('error', () => outgoing.destroy());
		incoming.pipe(upstream);
	}
}
