// Excerpt of apache/ozone hadoop-ozone/s3gateway/.../s3/util/S3Consts.java at 78d5650c (Apache-2.0).
final class S3Consts {
  public static final int RANGE_NOT_SATISFIABLE = 416;
}
