package io.loligo.contracts.host;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.heartbeat.HostInterface;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host described in the names of Salt's grains, which Calamari showed for each server and which its clients read
 * ({@code lsb_distrib_description}, {@code kernelrelease}, {@code cpu_model}, {@code num_cpus}, {@code mem_total} in
 * MiB, {@code ip_interfaces}, {@code ipv4}, {@code ipv6}, ...), from the host's own files. Pure.
 *
 * @param osRelease {@code /etc/os-release}
 * @param kernelRelease {@code /proc/sys/kernel/osrelease}
 * @param cpuInfo {@code /proc/cpuinfo}
 * @param memInfo {@code /proc/meminfo}
 * @param arch the JVM's {@code os.arch}
 */
public record HostGrains(String fqdn, String osRelease, String kernelRelease, String cpuInfo, String memInfo, String arch,
                         List<HostInterface> interfaces) {
    private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s+(\\d+)\\s+kB");

    public ObjectNode grains() {
        ObjectNode grains = JsonNodeFactory.instance.objectNode();
        int dot = fqdn.indexOf('.');
        grains.put("id", fqdn).put("fqdn", fqdn).put("host", dot > 0 ? fqdn.substring(0, dot) : fqdn)
                .put("nodename", dot > 0 ? fqdn.substring(0, dot) : fqdn).put("kernel", "Linux")
                .put("kernelrelease", kernelRelease.strip());
        Map<String, String> os = keyValues(osRelease);
        grains.put("os", os.getOrDefault("NAME", "Linux").split(" ")[0]).put("osfullname", os.getOrDefault("NAME", "Linux"))
                .put("osrelease", os.getOrDefault("VERSION_ID", "")).put("oscodename", os.getOrDefault("VERSION_CODENAME", ""))
                .put("lsb_distrib_id", os.getOrDefault("NAME", "Linux")).put("lsb_distrib_release", os.getOrDefault("VERSION_ID", ""))
                .put("lsb_distrib_codename", os.getOrDefault("VERSION_CODENAME", ""))
                .put("lsb_distrib_description", os.getOrDefault("PRETTY_NAME", os.getOrDefault("NAME", "Linux")));
        String cpuArch = arch.equals("amd64") ? "x86_64" : arch;
        grains.put("cpuarch", cpuArch).put("osarch", arch.equals("x86_64") ? "amd64" : arch);
        List<Map<String, String>> processors = processors(cpuInfo);
        grains.put("num_cpus", processors.size());
        Map<String, String> first = processors.isEmpty() ? Map.of() : processors.get(0);
        grains.put("cpu_model", first.getOrDefault("model name", first.getOrDefault("Processor", "")));
        ArrayNode flags = grains.putArray("cpu_flags");
        Arrays.stream(first.getOrDefault("flags", first.getOrDefault("Features", "")).split("\\s+"))
                .filter(flag -> !flag.isEmpty()).forEach(flags::add);
        Matcher memTotal = MEM_TOTAL.matcher(memInfo);
        grains.put("mem_total", memTotal.find() ? Long.parseLong(memTotal.group(1)) / 1024 : 0);
        ObjectNode byInterface = grains.putObject("ip_interfaces");
        ArrayNode ipv4 = grains.putArray("ipv4");
        ArrayNode ipv6 = grains.putArray("ipv6");
        for (HostInterface nic : interfaces) {
            ArrayNode addresses = byInterface.putArray(nic.name());
            for (String address : nic.addresses()) {
                addresses.add(address);
                (address.contains(":") ? ipv6 : ipv4).add(address);
            }
        }
        return grains;
    }

    /** {@code KEY=value} lines, quotes removed. */
    static Map<String, String> keyValues(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
            }
        }
        return values;
    }

    /** One map per processor block of {@code /proc/cpuinfo}. */
    static List<Map<String, String>> processors(String cpuInfo) {
        return Arrays.stream(cpuInfo.split("\n\\s*\n"))
                .map(block -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (String line : block.split("\n")) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                        }
                    }
                    return fields;
                })
                .filter(fields -> fields.containsKey("processor"))
                .toList();
    }

    private static String unquote(String value) {
        return Optional.of(value).filter(v -> v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'")))
                .map(v -> v.substring(1, v.length() - 1)).orElse(value);
    }
}
