/**
 * Where cdi-uploadproxy sends an accepted upload: the upload server of the claim
 * (`cdi-upload-<claim>`). In CDI that is an HTTPS request to the pod's Service; here the
 * server process that runs the pods (the twin's `UploadServers`) registers a receiver on
 * the controller manager, and the proxy finds it with `uploadReceiverFor(manager)`.
 */

/** One request forwarded to an upload server. */
export interface UploadRequest {
  namespace: string;
  /** The claim being uploaded into. */
  claim: string;
  method: string;
  /** upload-async / upload-form-async: answer once the data is in, process in the background. */
  async: boolean;
  /** upload-form(-async): the image is the multipart part named `file`. */
  form: boolean;
  contentType?: string;
  body: AsyncIterable<Buffer>;
}

/** The upload server's answer (status code and plain-text body). */
export interface UploadAnswer {
  code: number;
  body: string;
}

/** An upload server endpoint. */
export interface UploadReceiver {
  receive(req: UploadRequest): Promise<UploadAnswer>;
}

const receivers = new WeakMap<object, UploadReceiver>();

/** Registers the receiver of the upload servers run for `owner` (the controller manager). */
export function setUploadReceiver(owner: object, receiver: UploadReceiver): void {
  receivers.set(owner, receiver);
}

/** The receiver registered for `owner`, if any. */
export function uploadReceiverFor(owner: object): UploadReceiver | undefined {
  return receivers.get(owner);
}
