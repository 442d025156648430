import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	IRequestOptionsSimplified,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { AlibabaCloudCccApi } from '../../credentials/AlibabaCloudCccApi.credentials';

/**
 * n8n's credential service, reduced to what an execution needs: it hands out the test's credential data and
 * signs through the credential type's own `authenticate()`, as n8n does.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly credentialType = new AlibabaCloudCccApi();

	/** Every request options object n8n handed to `authenticate()`, what it got back, and when (the departure). */
	readonly authenticated: Array<{ input: IHttpRequestOptions; output: IHttpRequestOptions; at: number }> = [];

	/** How many times n8n asked for the decrypted credential (a real n8n reads and decrypts it from its database each time). */
	decryptions = 0;

	/** `record: false` keeps no list of requests (for long benchmark runs, where it would skew memory). */
	constructor(
		private readonly data: ICredentialDataDecryptedObject,
		private readonly record = true,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		if (typeName !== this.credentialType.name) throw new Error(`Unexpected credential type ${typeName}`);
		const input = requestOptions as IHttpRequestOptions;
		const output = await this.credentialType.authenticate(credentials, { ...input });
		if (this.record) this.authenticated.push({ input, output, at: Date.now() });
		return output;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by these tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		this.decryptions++;
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return this.credentialType.properties;
	}
}
