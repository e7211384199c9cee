/// The version written into every manifest line, so a sample can be traced to the code that made it.
public enum ToolVersion {
  public static let current = "0.1.0"
}
