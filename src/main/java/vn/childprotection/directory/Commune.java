package vn.childprotection.directory;

public record Commune(String code, String name, String provinceCode, String provinceName) {
}
