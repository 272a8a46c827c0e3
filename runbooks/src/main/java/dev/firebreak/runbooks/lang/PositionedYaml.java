package dev.firebreak.runbooks.lang;

import dev.firebreak.runbooks.SourcePosition;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Safe YAML (no custom types, no aliases) read into plain maps/lists/strings/longs/doubles/booleans, with the source
 * position of every value by path ({@code steps[1].with.replicas}).
 */
final class PositionedYaml {

    final Object root;
    final Map<String, SourcePosition> positions = new HashMap<>();
    private final String file;

    PositionedYaml(String file, String text) {
        this.file = file;
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(1024 * 1024);
        Node node = new Yaml(
                        new SafeConstructor(options),
                        new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                        new org.yaml.snakeyaml.DumperOptions(),
                        options)
                .compose(new StringReader(text));
        this.root = node == null ? null : convert(node, "");
    }

    SourcePosition at(String path) {
        String p = path;
        while (true) {
            SourcePosition pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return positions.getOrDefault("", new SourcePosition(file, 1, 1));
            }
            p = p.substring(0, cut);
        }
    }

    private Object convert(Node node, String path) {
        positions.put(
                path,
                new SourcePosition(
                        file,
                        node.getStartMark().getLine() + 1,
                        node.getStartMark().getColumn() + 1));
        if (node instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                String child = path.isEmpty() ? key : path + "." + key;
                // position of a key: where the key is written (findings about it point there)
                positions.put(
                        child + "#key",
                        new SourcePosition(
                                file,
                                t.getKeyNode().getStartMark().getLine() + 1,
                                t.getKeyNode().getStartMark().getColumn() + 1));
                out.put(key, convert(t.getValueNode(), child));
            }
            return out;
        }
        if (node instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Node n : s.getValue()) {
                out.add(convert(n, path + "[" + i++ + "]"));
            }
            return out;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        String v = s.getValue();
        try {
            if (Tag.INT.equals(tag)) {
                return Long.decode(v.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(v.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return v;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(v.toLowerCase()) || "yes".equalsIgnoreCase(v) || "on".equalsIgnoreCase(v);
        }
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        return v;
    }
}
