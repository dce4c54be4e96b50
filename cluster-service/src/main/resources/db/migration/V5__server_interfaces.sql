-- Each server's network interfaces and addresses, as its agent reports them: they name the NIC behind each
-- Ceph address (Calamari's frontend_iface and backend_iface).
ALTER TABLE server ADD COLUMN interfaces jsonb NOT NULL DEFAULT '[]';
