/** Parameters of an RPC-style call, already rendered as strings. */
export type RpcParams = Readonly<Record<string, string>>;

export type SignatureVersion = 'v1' | 'v3';

export interface AccessKey {
	readonly accessKeyId: string;
	readonly accessKeySecret: string;
	/** Present only for STS credentials. */
	readonly securityToken?: string;
}

export interface RpcCall {
	readonly method: string;
	/** The Host header as it is sent (with the port when it is not the scheme's default). */
	readonly host: string;
	readonly action: string;
	readonly version: string;
	/** Parameters that travel in the query. */
	readonly params: RpcParams;
	/** Parameters that travel in an `application/x-www-form-urlencoded` body (some actions take lists there). */
	readonly body?: RpcParams;
}

/** What makes one signature unique; passed in so that signing stays pure. */
export interface SigningMoment {
	readonly date: Date;
	readonly nonce: string;
}

/** The signed query string (canonical, ready for the URL), the headers to add, and the form body to send, if any. */
export interface SignedRpcRequest {
	readonly query: string;
	readonly headers: Readonly<Record<string, string>>;
	/** Exactly the bytes that were signed; absent when the call has no body parameters. */
	readonly body?: string;
}
