namespace Beian.Web.Infrastructure.Storage;

/// <summary>
/// The file store could not be reached or refused to answer (connection refused, timeout, an error
/// of the object store). Callers that take uploads turn it into a message beside the upload field;
/// the cause is in <see cref="Exception.InnerException"/> and the log.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception innerException) : Exception(message, innerException);
