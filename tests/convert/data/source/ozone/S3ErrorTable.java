// Excerpt of apache/ozone hadoop-ozone/s3gateway/.../s3/exception/S3ErrorTable.java at 78d5650c
// (Apache-2.0): the imports and a few constants, unchanged. See ../README.rst.
import static java.net.HttpURLConnection.HTTP_BAD_REQUEST;
import static java.net.HttpURLConnection.HTTP_CONFLICT;
import static java.net.HttpURLConnection.HTTP_FORBIDDEN;
import static java.net.HttpURLConnection.HTTP_INTERNAL_ERROR;
import static java.net.HttpURLConnection.HTTP_NOT_FOUND;
import static java.net.HttpURLConnection.HTTP_NOT_IMPLEMENTED;
import static java.net.HttpURLConnection.HTTP_PRECON_FAILED;
import static org.apache.hadoop.ozone.OzoneConsts.S3_REQUEST_HEADER_METADATA_SIZE_LIMIT_KB;
import static org.apache.hadoop.ozone.s3.util.S3Consts.RANGE_NOT_SATISFIABLE;

public enum S3ErrorTable {

  INVALID_URI("InvalidURI",
      "Couldn't parse the specified URI.", HTTP_BAD_REQUEST),

  NO_SUCH_VOLUME("NoSuchVolume",
      "The specified volume does not exist", HTTP_NOT_FOUND),

  NO_SUCH_BUCKET("NoSuchBucket",
      "The specified bucket does not exist", HTTP_NOT_FOUND),
  INVALID_REQUEST(
      "InvalidRequest", "Invalid Request", HTTP_BAD_REQUEST),

  INVALID_RANGE(
      "InvalidRange", "The requested range is not satisfiable",
      RANGE_NOT_SATISFIABLE),

  NO_SUCH_UPLOAD(
      "NoSuchUpload", "The specified multipart upload does not exist. The " +
      "upload ID might be invalid, or the multipart upload might have " +
      "been aborted or completed.", HTTP_NOT_FOUND),

  BUCKET_OWNER_MISMATCH(
      "Access Denied", "User doesn't have permission to access this resource due to a " +
      "bucket ownership mismatch.", HTTP_FORBIDDEN),

  ;

  private final String code;
  private final String message;
  private final int httpCode;

  S3ErrorTable(String code, String message, int httpCode) {
    this.code = code;
    this.message = message;
    this.httpCode = httpCode;
  }

}
