fn main() {
    dmip_monitor::start();
}
