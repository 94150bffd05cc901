/// Pieces of the Prometheus text exposition format (version 0.0.4) shared by every metrics owner.
public enum PrometheusText {
    /// A label value escaped as the format requires (`\\`, `\"`, newline), without quotes.
    public static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// A label value escaped and quoted.
    public static func quoted(_ value: String) -> String { "\"" + escape(value) + "\"" }
}
