package io.loligo.metrics.graphite;

import java.util.ArrayList;
import java.util.List;

/**
 * A Graphite render target: a path, or a function of targets and constants, as in
 * {@code sumSeries(ceph.cluster.x.pool.all.num_read, ceph.cluster.x.pool.all.num_write)}. Pure.
 */
sealed interface Target {
    record Path(String path) implements Target {
    }

    record Call(String function, List<Target> arguments) implements Target {
    }

    record Number(double value) implements Target {
    }

    record Text(String value) implements Target {
    }

    /** @throws IllegalArgumentException saying where the expression stops making sense */
    static Target parse(String expression) {
        Parser parser = new Parser(expression);
        Target target = parser.target();
        parser.skipSpaces();
        if (!parser.atEnd()) {
            throw new IllegalArgumentException("unexpected '" + expression.charAt(parser.at) + "' at " + parser.at + " in " + expression);
        }
        return target;
    }

    final class Parser {
        private final String text;
        private int at;

        private Parser(String text) {
            this.text = text;
        }

        Target target() {
            skipSpaces();
            if (atEnd()) {
                throw new IllegalArgumentException("a target is missing at the end of " + text);
            }
            char first = text.charAt(at);
            if (first == '\'' || first == '"') {
                int end = text.indexOf(first, at + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a quote is not closed in " + text);
                }
                String value = text.substring(at + 1, end);
                at = end + 1;
                return new Text(value);
            }
            int start = at;
            while (!atEnd() && "(),'\" ".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(start, at);
            if (word.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + first + "' at " + start + " in " + text);
            }
            skipSpaces();
            if (!atEnd() && text.charAt(at) == '(') {
                at++;
                List<Target> arguments = new ArrayList<>();
                skipSpaces();
                if (!atEnd() && text.charAt(at) == ')') {
                    at++;
                    return new Call(word, arguments);
                }
                while (true) {
                    arguments.add(target());
                    skipSpaces();
                    if (atEnd()) {
                        throw new IllegalArgumentException("a parenthesis is not closed in " + text);
                    }
                    char next = text.charAt(at++);
                    if (next == ')') {
                        return new Call(word, arguments);
                    }
                    if (next != ',') {
                        throw new IllegalArgumentException("unexpected '" + next + "' at " + (at - 1) + " in " + text);
                    }
                }
            }
            if (word.matches("-?\\d+(\\.\\d+)?")) {
                return new Number(Double.parseDouble(word));
            }
            return new Path(word);
        }

        void skipSpaces() {
            while (!atEnd() && text.charAt(at) == ' ') {
                at++;
            }
        }

        boolean atEnd() {
            return at >= text.length();
        }
    }
}
