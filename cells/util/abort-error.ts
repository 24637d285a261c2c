/** What an aborted operation rejects with: the signal's reason when it is an AbortError, else a new one. */
export function abortError(signal?: AbortSignal): DOMException {
  const reason = signal?.reason;
  return reason instanceof DOMException && reason.name === "AbortError"
    ? reason
    : new DOMException("The operation was aborted.", "AbortError");
}
