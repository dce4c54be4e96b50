-- one database per service that keeps state
CREATE DATABASE loligo_gateway;
CREATE DATABASE loligo_cluster;
